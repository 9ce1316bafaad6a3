/// The drawing pad's soft round brush: full strength within `core` pixels of its centre,
/// fading linearly to nothing at `edge`, which leaves grey edges like MNIST's strokes.
public enum PadBrush {
    public static let core = 0.6
    public static let edge = 1.6

    /// Brush strength at `distance` pixels from the brush centre, in 0...1.
    public static func strength(distance: Double) -> Float {
        Float(min(1, max(0, (edge - distance) / (edge - core))))
    }

    /// Adds one stamp centred at (x, y) in pixel coordinates (pixel (r, c) has its centre at
    /// (c + 0.5, r + 0.5)) to a 28×28 pad of intensities, keeping the stronger value.
    public static func stamp(_ pad: inout [Float], x: Double, y: Double) {
        let side = Dataset.side
        let low = { (v: Double) in max(0, Int((v - edge).rounded(.down))) }
        let high = { (v: Double) in min(side - 1, Int((v + edge).rounded(.up))) }
        guard low(x) <= high(x), low(y) <= high(y) else { return }
        for row in low(y) ... high(y) {
            for column in low(x) ... high(x) {
                let dx = Double(column) + 0.5 - x, dy = Double(row) + 0.5 - y
                let value = strength(distance: (dx * dx + dy * dy).squareRoot())
                pad[row * side + column] = max(pad[row * side + column], value)
            }
        }
    }
}
