/// A fingerprint of a training set, stored in a step log's header so that a run is only
/// continued on the data it was trained on: its example count and the CRC-32s of its
/// labels and of its pixels, in order (a run draws its batches by index, so the order is
/// part of the data).
///
/// Not a cryptographic hash: it tells a wrong `--data` apart (a chance of 2⁻⁶⁴ of
/// missing one), not a forgery. Cost: one CRC pass over the pixels (about 1 ms for the
/// bundled subset, 15 ms for Fashion-MNIST).
public struct DataFingerprint: Sendable, Equatable, Hashable {
    public let examples: Int
    public let labelsCRC: UInt32
    public let pixelsCRC: UInt32

    /// Bytes in a header: examples u32, labels CRC-32, pixels CRC-32.
    public static let byteCount = 12

    public init(_ dataset: Dataset) {
        precondition(dataset.count <= Int(UInt32.max), "a data set of 2^32 examples or more")
        examples = dataset.count
        labelsCRC = Checksum.crc32(dataset.labels)
        pixelsCRC = Checksum.crc32(dataset.pixels)
    }

    init(examples: Int, labelsCRC: UInt32, pixelsCRC: UInt32) {
        self.examples = examples
        self.labelsCRC = labelsCRC
        self.pixelsCRC = pixelsCRC
    }

    /// Its `byteCount` bytes, little-endian.
    var bytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.appendLittleEndian(UInt32(examples))
        bytes.appendLittleEndian(labelsCRC)
        bytes.appendLittleEndian(pixelsCRC)
        return bytes
    }

    /// Reads a fingerprint from `reader`, or nil when fewer than `byteCount` bytes are left.
    init?(reading reader: inout ByteReader) {
        guard let examples = reader.uint32(), let labels = reader.uint32(), let pixels = reader.uint32() else {
            return nil
        }
        self.init(examples: Int(examples), labelsCRC: labels, pixelsCRC: pixels)
    }
}
