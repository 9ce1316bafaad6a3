/// The content of an IDX file read a piece at a time: the file's bytes, or what a gzip
/// file (1f 8b, detected from the content) inflates to. Holds one piece at a time.
struct IDXReader {
    private let path: String
    private let source: ByteSource
    private let gzip: GzipStream?
    /// The next byte of a file that is not compressed.
    private var offset = 0

    /// Opens the regular file at `path`.
    /// - Throws: `.io` when it is not a regular file or cannot be read.
    init(_ path: String) throws(DataError) {
        self.path = path
        do throws(FileProblem) {
            source = try ByteSource(file: FileSystem.openForReading(path))
        } catch {
            throw .io(file: path, problem: error)
        }
        let start: [UInt8]
        do throws(FileProblem) { start = try source.read(at: 0, count: 2) } catch { throw .io(file: path, problem: error) }
        gzip = Gzip.isCompressed(start) ? try GzipStream(source, name: path) : nil
    }

    /// Up to `count` more bytes of the content; fewer only at its end.
    mutating func read(upTo count: Int) throws(DataError) -> [UInt8] {
        if let gzip { return try gzip.read(upTo: count) }
        do throws(FileProblem) {
            let bytes = try source.read(at: offset, count: count)
            offset += bytes.count
            return bytes
        } catch {
            throw .io(file: path, problem: error)
        }
    }

    /// Reads and checks the header of a `kind` file: magic, and 28×28 images.
    /// - Returns: the count of examples it declares.
    /// - Throws: `.tooLarge` when that count's body would pass `IDXFile.maximumSize`,
    ///   before any of it is read.
    mutating func header(_ kind: IDXFile.Kind) throws(DataError) -> Int {
        var bytes = [UInt8]()
        while bytes.count < kind.headerSize {
            let piece = try read(upTo: kind.headerSize - bytes.count)
            if piece.isEmpty { break }
            bytes += piece
        }
        try IDXFile.checkMagic(bytes, expected: kind.magic, headerSize: kind.headerSize, header: kind.header, name: path)
        let count = Int(IDXFile.bigEndianWord(bytes, at: 4))
        if kind == .images {
            let rows = Int(IDXFile.bigEndianWord(bytes, at: 8)), columns = Int(IDXFile.bigEndianWord(bytes, at: 12))
            guard rows == Dataset.side, columns == Dataset.side else {
                throw .wrongImageSize(file: path, rows: rows, columns: columns)
            }
        }
        // count < 2³² and 784 < 2¹⁰: no overflow.
        guard count * kind.bytesPerExample <= IDXFile.maximumSize else {
            throw .tooLarge(file: path, limitBytes: IDXFile.maximumSize)
        }
        return count
    }
}
