import NoiseStep

/// The 28×28 canvas a person draws a digit on, with the engine's soft round brush
/// (`PadBrush`: full strength near its centre, fading to grey edges like MNIST's
/// anti-aliased strokes; the pad check of `DrawnDigits` draws with the same brush).
/// Painting only ever darkens a pixel and erasing only ever lightens it. `revision`
/// changes with every edit, so a cached prediction can tell it is stale.
public struct DrawingPad: Equatable, Sendable {
    public static let side = 28
    /// Stamps per pixel along a stroke: close enough that a line shows no beads.
    static let stampsPerPixel = 4.0

    /// [28, 28] row-major intensities in 0...1 (0 is blank).
    public private(set) var pixels: [Float]
    public private(set) var revision = 0

    public init() {
        pixels = Array(repeating: 0, count: Self.side * Self.side)
    }

    public var isEmpty: Bool { !pixels.contains { $0 > 0 } }

    /// The intensity of pixel (`column`, `row`).
    public subscript(column: Int, row: Int) -> Float { pixels[row * Self.side + column] }

    /// One stamp of the brush (or of the eraser) centred on `point`; parts off the pad are lost.
    public mutating func stamp(at point: PadPoint, erasing: Bool = false) {
        PadBrush.stamp(&pixels, x: point.x, y: point.y, erasing: erasing)
        revision += 1
    }

    /// Stamps all along the segment from `start` to `end`, so a fast drag leaves no gaps.
    public mutating func stroke(from start: PadPoint, to end: PadPoint, erasing: Bool = false) {
        let length = ((end.x - start.x) * (end.x - start.x) + (end.y - start.y) * (end.y - start.y)).squareRoot()
        let stamps = max(1, Int((length * Self.stampsPerPixel).rounded(.up)))
        for index in 0 ... stamps {
            let t = Double(index) / Double(stamps)
            let point = PadPoint(x: start.x + t * (end.x - start.x), y: start.y + t * (end.y - start.y))
            stamp(at: point, erasing: erasing)
        }
    }

    public mutating func clear() {
        pixels = Array(repeating: 0, count: Self.side * Self.side)
        revision += 1
    }

    /// Replaces the pad with an image of bytes 0...255.
    /// - Precondition: `image` has 784 values.
    public mutating func load(_ image: some Collection<UInt8>) {
        precondition(image.count == Self.side * Self.side, "a pad image has 28×28 pixels")
        pixels = image.map { Float($0) / 255 }
        revision += 1
    }

    /// The pad as bytes 0...255, as a dataset image would hold it.
    public var bytes: [UInt8] { pixels.map { UInt8((min(max($0, 0), 1) * 255).rounded()) } }

}
