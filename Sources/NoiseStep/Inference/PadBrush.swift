/// The drawing pad's soft round brush: full strength within `fullStrengthRadius` of its
/// centre, fading linearly to nothing at `outerRadius`, which leaves grey edges like
/// MNIST's strokes. Radii are in pad pixels (a pad is 28 pixels wide); a stroke is about
/// 2 × 1.1 pixels wide at half strength, like an MNIST pen stroke after scaling to 20 px.
public enum PadBrush {
    /// Radius of full ink, in pixels.
    public static let fullStrengthRadius = 0.6
    /// Radius where the ink has faded to nothing, in pixels.
    public static let outerRadius = 1.6

    /// Brush strength at `distance` pixels from the brush centre, in 0...1.
    public static func strength(distance: Double) -> Float {
        Float(min(1, max(0, (outerRadius - distance) / (outerRadius - fullStrengthRadius))))
    }

    /// One stamp centred at (x, y) in pixel coordinates (pixel (r, c) has its centre at
    /// (c + 0.5, r + 0.5)) on a 28×28 pad of intensities in 0...1. Painting keeps the
    /// stronger value, erasing the weaker one; parts off the pad are lost.
    public static func stamp(_ pad: inout [Float], x: Double, y: Double, erasing: Bool = false) {
        guard let rows = reach(of: y), let columns = reach(of: x) else { return }
        let side = Dataset.side
        for row in rows {
            for column in columns {
                let dx = Double(column) + 0.5 - x, dy = Double(row) + 0.5 - y
                let value = strength(distance: (dx * dx + dy * dy).squareRoot())
                guard value > 0 else { continue }
                let index = row * side + column
                pad[index] = erasing ? min(pad[index], 1 - value) : max(pad[index], value)
            }
        }
    }

    /// The pixel indices within the brush's reach of `coordinate`, nil if none.
    private static func reach(of coordinate: Double) -> ClosedRange<Int>? {
        guard coordinate.isFinite else { return nil }
        let low = max(0, (coordinate - outerRadius).rounded(.down))
        let high = min(Double(Dataset.side - 1), (coordinate + outerRadius).rounded(.up))
        return low <= high ? Int(low) ... Int(high) : nil
    }
}
