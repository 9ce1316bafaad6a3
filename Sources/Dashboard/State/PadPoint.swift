import NoiseStep

/// A point on the drawing pad in pixel units: (0, 0) is the top-left corner of the pad and
/// the centre of pixel (column c, row r) is (c + 0.5, r + 0.5).
public struct PadPoint: Equatable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
