/// Reader for the IDX files MNIST and Fashion-MNIST ship in, raw or gzip-compressed.
///
/// Only the two layouts those data sets use are accepted: unsigned-byte images of
/// 3 dimensions (count × 28 × 28, magic 0x00000803) and unsigned-byte labels of
/// 1 dimension (count, magic 0x00000801), all header integers big-endian. Every
/// length is checked before use, the body must be exactly as long as the header
/// says, and labels must be below 10.
public enum IDXFile {
    /// Magic number of an IDX file of unsigned bytes with 3 dimensions.
    public static let imageMagic: UInt32 = 0x0000_0803
    /// Magic number of an IDX file of unsigned bytes with 1 dimension.
    public static let labelMagic: UInt32 = 0x0000_0801
    /// The most bytes a file may hold once decompressed: the rulebook's
    /// `Limits.maxDataFileBytes`.
    public static let maximumSize = Limits.maxDataFileBytes

    static let imageHeaderSize = 16
    static let labelHeaderSize = 8

    /// The pixels of the image file at `path`: `count × 784` bytes, row-major.
    ///
    /// Gzip compression is detected from the content (1f 8b), not the name.
    /// - Throws: `DataError` naming `path` if the file is unreadable, compressed badly,
    ///   over `maximumSize`, or not a well-formed 28×28 IDX image file.
    public static func readImages(at path: String) throws(DataError) -> [UInt8] {
        try keep(path, kind: .images, count: scan(path, kind: .images))
    }

    /// The labels of the label file at `path`, each 0...9.
    ///
    /// Gzip compression is detected from the content (1f 8b), not the name.
    /// - Throws: `DataError` naming `path` if the file is unreadable, compressed badly,
    ///   over `maximumSize`, or not a well-formed IDX label file with labels below 10.
    public static func readLabels(at path: String) throws(DataError) -> [UInt8] {
        try keep(path, kind: .labels, count: scan(path, kind: .labels))
    }

    /// The two kinds of IDX file a data set is made of.
    public enum Kind: Sendable {
        case images, labels

        var magic: UInt32 { self == .images ? imageMagic : labelMagic }
        var headerSize: Int { self == .images ? imageHeaderSize : labelHeaderSize }
        var header: IDXContent { self == .images ? .imageHeader : .labelHeader }
        var bytesPerExample: Int { self == .images ? Dataset.pixelsPerImage : 1 }
        func content(count: Int) -> IDXContent { self == .images ? .images(count: count) : .labels(count: count) }
    }

    /// Reads the file at `path` through once without keeping it, checking everything
    /// `keep` would: the header (as soon as it is read: a count that is not
    /// `expectedCount`, or a body over `maximumSize`, is refused before any of the body),
    /// the body's exact length, each label. Holds a piece of the file at a time, however
    /// much a compressed file inflates to.
    /// - Returns: the count of examples the header declares.
    /// - Throws: `.countMismatch` (naming `path` as `kind` and `other` as the other file)
    ///   when `expectedCount` differs, or what is wrong with the file.
    public static func scan(_ path: String, kind: Kind, expectedCount: Int? = nil,
                            other: String = "") throws(DataError) -> Int {
        var content = try IDXReader(path)
        let count = try content.header(kind)
        if let expectedCount, count != expectedCount {
            throw kind == .images
                ? .countMismatch(imagesFile: path, images: count, labelsFile: other, labels: expectedCount)
                : .countMismatch(imagesFile: other, images: expectedCount, labelsFile: path, labels: count)
        }
        let expected = count * kind.bytesPerExample
        var seen = 0
        while true {
            let piece = try content.read(upTo: GzipStream.pieceBytes)
            if piece.isEmpty { break }
            // Labels past the declared count are trailing bytes, said so below.
            if kind == .labels, let index = firstLabelOutOfRange(Array(piece.prefix(max(0, expected - seen)))) {
                throw .labelOutOfRange(file: path, index: seen + index, label: piece[index])
            }
            seen += piece.count
            guard seen <= maximumSize else { throw .tooLarge(file: path, limitBytes: maximumSize) }
        }
        try checkBodySize(seen, expected: expected, claim: kind.content(count: count), name: path)
        return count
    }

    /// The body of the file at `path`, which `scan` found to hold `count` examples: read
    /// again into a buffer of exactly its size.
    /// - Throws: what is wrong if the file changed since the scan (a body of another
    ///   length is refused before more than its expected size is held).
    public static func keep(_ path: String, kind: Kind, count: Int) throws(DataError) -> [UInt8] {
        var content = try IDXReader(path)
        let declared = try content.header(kind)
        let expected = count * kind.bytesPerExample
        guard declared == count else { throw .changedWhileRead(file: path) }
        var body = [UInt8]()
        body.reserveCapacity(expected)
        while body.count <= expected {
            let piece = try content.read(upTo: min(GzipStream.pieceBytes, expected + 1 - body.count))
            if piece.isEmpty { break }
            body += piece
        }
        guard body.count == expected, kind == .images || firstLabelOutOfRange(body) == nil else {
            throw .changedWhileRead(file: path)
        }
        return body
    }

    /// The file at `path`, decompressed if it is gzip, at most `maximumSize` bytes.
    /// - Throws: `.io` when `path` is not a regular file (a FIFO, device, directory or
    ///   symbolic link loop is named as such) or cannot be read.
    public static func contents(of path: String) throws(DataError) -> [UInt8] {
        var content = try IDXReader(path)
        var bytes = [UInt8]()
        while true {
            let piece = try content.read(upTo: GzipStream.pieceBytes)
            if piece.isEmpty { return bytes }
            bytes += piece
            guard bytes.count <= maximumSize else { throw .tooLarge(file: path, limitBytes: maximumSize) }
        }
    }

    /// The pixels of an uncompressed IDX image file held in `bytes`; `name` is used in errors.
    public static func parseImages(_ bytes: consuming [UInt8], name: String) throws(DataError) -> [UInt8] {
        try checkMagic(bytes, expected: imageMagic, headerSize: imageHeaderSize, header: .imageHeader, name: name)
        let count = Int(bigEndianWord(bytes, at: 4))
        let rows = Int(bigEndianWord(bytes, at: 8))
        let columns = Int(bigEndianWord(bytes, at: 12))
        guard rows == Dataset.side, columns == Dataset.side else {
            throw .wrongImageSize(file: name, rows: rows, columns: columns)
        }
        // count < 2³² and 784 < 2¹⁰, so this cannot overflow a 64-bit Int; checked anyway.
        let needed = count.multipliedReportingOverflow(by: Dataset.pixelsPerImage)
        guard !needed.overflow else { throw .tooLarge(file: name, limitBytes: maximumSize) }
        try checkBodySize(bytes.count - imageHeaderSize, expected: needed.partialValue, claim: .images(count: count),
                          name: name)
        bytes.removeFirst(imageHeaderSize)
        return bytes
    }

    /// The labels of an uncompressed IDX label file held in `bytes`; `name` is used in errors.
    public static func parseLabels(_ bytes: consuming [UInt8], name: String) throws(DataError) -> [UInt8] {
        try checkMagic(bytes, expected: labelMagic, headerSize: labelHeaderSize, header: .labelHeader, name: name)
        let count = Int(bigEndianWord(bytes, at: 4))
        try checkBodySize(bytes.count - labelHeaderSize, expected: count, claim: .labels(count: count), name: name)
        bytes.removeFirst(labelHeaderSize)
        if let index = firstLabelOutOfRange(bytes) {
            throw .labelOutOfRange(file: name, index: index, label: bytes[index])
        }
        return bytes
    }

    /// Throws unless `bytes` holds at least a full header starting with `expected`.
    static func checkMagic(_ bytes: [UInt8], expected: UInt32, headerSize: Int, header: IDXContent,
                                   name: String) throws(DataError) {
        if bytes.count >= 4 {
            let found = bigEndianWord(bytes, at: 0)
            if found != expected { throw .wrongMagic(file: name, expected: expected, found: found) }
        }
        if bytes.count < headerSize {
            throw .truncated(file: name, content: header, expectedBytes: headerSize, actualBytes: bytes.count)
        }
    }

    /// Throws unless the body after the header is exactly `expected` bytes.
    static func checkBodySize(_ actual: Int, expected: Int, claim: IDXContent,
                                      name: String) throws(DataError) {
        if actual < expected {
            throw .truncated(file: name, content: claim, expectedBytes: expected, actualBytes: actual)
        }
        if actual > expected {
            throw .trailingBytes(file: name, content: claim, expectedBytes: expected, actualBytes: actual)
        }
    }

    /// The big-endian 32-bit word at `offset`; the caller guarantees 4 bytes are there.
    @inline(__always)
    static func bigEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// The index of the first label of 10 or more, or nil.
    static func firstLabelOutOfRange(_ labels: [UInt8]) -> Int? {
        labels.withUnsafeBufferPointer { buffer in
            var largest: UInt8 = 0
            for label in buffer { largest = max(largest, label) }  // branch-free, vectorizes
            guard largest >= UInt8(Dataset.classes) else { return nil }
            return buffer.firstIndex { $0 >= UInt8(Dataset.classes) }
        }
    }
}
