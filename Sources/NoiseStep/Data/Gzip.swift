import CZlib

/// Gzip decompression through the system zlib, hardened for untrusted input.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number 1f 8b.
    public static func isCompressed<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.count >= 2 && bytes.first == 0x1F && bytes.dropFirst().first == 0x8B
    }

    /// The decompressed content of the gzip (or zlib) stream `compressed`, as
    /// `GzipStream` reads it.
    ///
    /// Memory is bounded by `limit` and by the output actually produced, never by what
    /// the stream's length trailer claims.
    /// - Parameters:
    ///   - limit: the most decompressed bytes accepted.
    ///   - name: the file name used in errors.
    /// - Throws: `.corruptGzip` for a damaged, cut-short or trailing-garbage stream,
    ///   `.tooLarge` when the output would exceed `limit`.
    public static func decompress(_ compressed: [UInt8], limit: Int, name: String) throws(DataError) -> [UInt8] {
        let stream = try GzipStream(ByteSource(bytes: compressed), name: name)
        var output = [UInt8]()
        while true {
            let piece = try stream.read(upTo: max(1, min(GzipStream.pieceBytes, limit + 1 - output.count)))
            if piece.isEmpty { return output }
            output += piece
            if output.count > limit { throw .tooLarge(file: name, limitBytes: limit) }
        }
    }
}

/// Bytes to read a piece at a time: a file, or bytes in memory (for tests and tools).
struct ByteSource {
    let size: Int
    private let reader: (_ offset: Int, _ count: Int) throws(FileProblem) -> [UInt8]

    init(bytes: [UInt8]) {
        size = bytes.count
        reader = { offset, count in Array(bytes[min(offset, bytes.count) ..< min(offset + count, bytes.count)]) }
    }

    init(file: OpenFile) throws(FileProblem) {
        size = try file.size()
        reader = { offset, count throws(FileProblem) in try file.read(at: offset, count: count) }
    }

    /// Up to `count` bytes from `offset`; fewer only at the end.
    func read(at offset: Int, count: Int) throws(FileProblem) -> [UInt8] { try reader(offset, count) }
}

/// A gzip (or zlib) stream inflated a piece at a time: however long the stream and
/// whatever its trailer claims, it holds one piece of input (64 KiB), zlib's window
/// and the piece of output asked for.
///
/// Concatenated gzip members are inflated one after another, and zero bytes after the
/// last member (padding, as tar leaves) are ignored, as `gunzip` does; any other bytes
/// after it are an error.
final class GzipStream {
    /// Bytes of compressed input read at a time, and the usual piece of output.
    static let pieceBytes = 1 << 16
    /// zlib's window bits for the largest (32 KiB) window, plus 32: accept a gzip or a
    /// zlib header, detected from the stream.
    private static let windowBits: Int32 = 15 + 32

    private let source: ByteSource
    private let name: String
    /// zlib's state; at a fixed address, as zlib requires.
    private let stream: UnsafeMutablePointer<z_stream>
    /// The piece of input being inflated, and how much of it zlib has taken.
    private var input: [UInt8] = []
    private var inputTaken = 0
    /// Where in the source `input` starts.
    private var inputStart = 0
    private var finished = false

    /// - Throws: `.corruptGzip` when zlib cannot start.
    init(_ source: ByteSource, name: String) throws(DataError) {
        self.source = source
        self.name = name
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let started = noisestep_inflateInit2(stream, Self.windowBits)
        guard started == Z_OK else {
            stream.deallocate()
            throw .corruptGzip(file: name, problem: .startFailed(code: started))
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// Up to `count` more bytes of the content; fewer only at its end, none after it.
    /// - Throws: `.corruptGzip` for damage, a stream cut short or trailing garbage;
    ///   `.io` when the source cannot be read.
    func read(upTo count: Int) throws(DataError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(0, count))
        var produced = 0
        while produced < output.count, !finished {
            if inputTaken == input.count { try refill() }
            let status = inflatePiece(into: &output, produced: &produced)
            switch status {
            case Z_OK: continue
            case Z_STREAM_END: try endMember()
            case Z_BUF_ERROR where produced == output.count: break
            case Z_BUF_ERROR:
                // No progress: zlib wants input that is not there.
                throw .corruptGzip(file: name, problem: inputStart + input.count >= source.size ? .endsEarly : .stalled)
            case Z_NEED_DICT: throw .corruptGzip(file: name, problem: .needsDictionary)
            case Z_MEM_ERROR: throw .corruptGzip(file: name, problem: .outOfMemory)
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? ""
                throw .corruptGzip(file: name, problem: .damaged(code: status, message: message))
            }
        }
        output.removeLast(output.count - produced)
        return output
    }

    /// One call of `inflate` from the input piece into `output[produced...]`.
    private func inflatePiece(into output: inout [UInt8], produced: inout Int) -> Int32 {
        let inputCount = input.count - inputTaken, outputCount = output.count - produced
        let status = input.withUnsafeBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.pointee.next_in = inputBuffer.baseAddress.map { UnsafeMutablePointer(mutating: $0 + inputTaken) }
                stream.pointee.avail_in = UInt32(inputCount)
                stream.pointee.next_out = outputBuffer.baseAddress! + produced
                stream.pointee.avail_out = UInt32(outputCount)
                let status = inflate(stream, Z_NO_FLUSH)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
                return status
            }
        }
        inputTaken += inputCount - Int(stream.pointee.avail_in)
        produced += outputCount - Int(stream.pointee.avail_out)
        return status
    }

    /// The next piece of input, when the one taken is used up (none at the end).
    private func refill() throws(DataError) {
        inputStart += input.count
        input = try readSource(at: inputStart, count: Self.pieceBytes)
        inputTaken = 0
    }

    /// After a member: another member follows, or zero padding, or the end; anything
    /// else is trailing garbage.
    private func endMember() throws(DataError) {
        let rest = inputStart + inputTaken
        let next = try readSource(at: rest, count: 2)
        if next.isEmpty { return finished = true }
        if Gzip.isCompressed(next) {
            guard inflateReset(stream) == Z_OK else { throw .corruptGzip(file: name, problem: .nextMemberFailed) }
            return
        }
        var offset = rest
        while offset < source.size {  // padding must be zeros to the end, read a piece at a time
            let piece = try readSource(at: offset, count: Self.pieceBytes)
            if piece.isEmpty { break }
            guard piece.allSatisfy({ $0 == 0 }) else {
                throw .corruptGzip(file: name, problem: .trailingBytes(count: source.size - rest))
            }
            offset += piece.count
        }
        finished = true
    }

    private func readSource(at offset: Int, count: Int) throws(DataError) -> [UInt8] {
        do throws(FileProblem) {
            return try source.read(at: offset, count: count)
        } catch {
            throw .io(file: name, problem: error)
        }
    }
}
