/// Labelled 28×28 greyscale images held in memory.
public struct Dataset: Sendable, Equatable {
    public static let side = 28
    public static let pixelsPerImage = side * side
    public static let classes = 10

    /// [count, 784] row-major, values 0...255 (0 is background).
    public let pixels: [UInt8]
    /// [count], values 0...9.
    public let labels: [UInt8]

    public var count: Int { labels.count }

    /// - Precondition: `pixels.count == labels.count * 784` and every label < 10.
    public init(pixels: [UInt8], labels: [UInt8]) {
        precondition(pixels.count == labels.count * Self.pixelsPerImage, "pixels do not match labels")
        precondition(labels.allSatisfy { $0 < Self.classes }, "label outside 0...9")
        self.pixels = pixels
        self.labels = labels
    }

    /// The pixels of image `index`, 784 values.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        pixels[index * Self.pixelsPerImage ..< (index + 1) * Self.pixelsPerImage]
    }

    /// The images at `indices`, in that order.
    public func subset(_ indices: [Int]) -> Dataset {
        var picked = [UInt8]()
        picked.reserveCapacity(indices.count * Self.pixelsPerImage)
        for index in indices { picked.append(contentsOf: image(index)) }
        return Dataset(pixels: picked, labels: indices.map { labels[$0] })
    }
}
