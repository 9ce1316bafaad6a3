import NoiseStep

/// A pixel of the drawing pad, each coordinate in 0..<28.
public struct PadCursor: Equatable, Sendable {
    public var column: Int
    public var row: Int

    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The centre of this pixel.
    public var centre: PadPoint { PadPoint(x: Double(column) + 0.5, y: Double(row) + 0.5) }
}
