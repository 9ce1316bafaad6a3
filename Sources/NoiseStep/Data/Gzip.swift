import CZlib

/// Gzip decompression through the system zlib, hardened for untrusted input.
public enum Gzip {
    /// zlib's window bits for the largest (32 KiB) window, plus 32: accept a gzip or a
    /// zlib header, detected from the stream.
    private static let windowBits: Int32 = 15 + 32
    /// The output buffer's first size when the stream's own claim cannot be trusted
    /// further, and its least growth.
    private static let initialOutputBytes = 1 << 16
    /// How much larger than its compressed size an output is first assumed to be. MNIST
    /// compresses about 5:1; more output grows the buffer by doubling.
    private static let assumedRatio = 8

    /// Whether `bytes` start with the gzip magic number 1f 8b.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed content of the gzip (or zlib) stream `compressed`.
    ///
    /// Concatenated gzip members are decompressed one after another, and zero bytes
    /// after the last member (padding, as tar leaves) are ignored, as `gunzip` does.
    /// Memory is bounded by `limit` and by the output actually produced, never by what
    /// the stream's length trailer claims.
    /// - Parameters:
    ///   - limit: the most decompressed bytes accepted.
    ///   - name: the file name used in errors.
    /// - Throws: `.corruptGzip` for a damaged, cut-short or trailing-garbage stream,
    ///   `.tooLarge` when the output would exceed `limit`.
    public static func decompress(_ compressed: [UInt8], limit: Int, name: String) throws(DataError) -> [UInt8] {
        let limit = min(max(limit, 0), Int.max / 2)  // keeps `limit + 1` and doubling in range
        var stream = z_stream()
        let started = noisestep_inflateInit2(&stream, windowBits)
        guard started == Z_OK else { throw .corruptGzip(file: name, problem: .startFailed(code: started)) }
        defer { inflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: initialCapacity(for: compressed, limit: limit))
        var produced = 0, consumed = 0
        while true {
            if produced == output.count {
                if produced > limit { throw .tooLarge(file: name, limitBytes: limit) }
                let doubled = output.count.multipliedReportingOverflow(by: 2)
                let target = doubled.overflow ? limit + 1 : min(doubled.partialValue, limit + 1)
                output.append(contentsOf: repeatElement(0, count: max(target - output.count, 1)))
            }
            let status = inflateOnce(&stream, compressed, consumed: &consumed, into: &output, produced: &produced)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let rest = compressed[consumed...]
                if rest.allSatisfy({ $0 == 0 }) {
                    if produced > limit { throw .tooLarge(file: name, limitBytes: limit) }
                    output.removeLast(output.count - produced)
                    return output
                }
                guard isCompressed(Array(rest.prefix(2))) else {
                    throw .corruptGzip(file: name, problem: .trailingBytes(count: rest.count))
                }
                guard inflateReset(&stream) == Z_OK else { throw .corruptGzip(file: name, problem: .nextMemberFailed) }
            case Z_BUF_ERROR:
                if stream.avail_out == 0 { continue }  // output full: grow and go on
                throw .corruptGzip(file: name, problem: consumed == compressed.count ? .endsEarly : .stalled)
            case Z_NEED_DICT:
                throw .corruptGzip(file: name, problem: .needsDictionary)
            case Z_MEM_ERROR:
                throw .corruptGzip(file: name, problem: .outOfMemory)
            default:
                let message = stream.msg.map { String(cString: $0) } ?? ""
                throw .corruptGzip(file: name, problem: .damaged(code: status, message: message))
            }
        }
    }

    /// One call of `inflate` from `consumed` into `output[produced...]`, moving both on.
    private static func inflateOnce(_ stream: inout z_stream, _ compressed: [UInt8], consumed: inout Int,
                                    into output: inout [UInt8], produced: inout Int) -> Int32 {
        let inputChunk = min(compressed.count - consumed, Int(UInt32.max))
        let outputChunk = min(output.count - produced, Int(UInt32.max))
        let status = compressed.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
                stream.avail_in = UInt32(inputChunk)
                stream.next_out = out.baseAddress! + produced
                stream.avail_out = UInt32(outputChunk)
                let status = inflate(&stream, Z_NO_FLUSH)
                stream.next_in = nil
                stream.next_out = nil
                return status
            }
        }
        consumed += inputChunk - Int(stream.avail_in)
        produced += outputChunk - Int(stream.avail_out)
        return status
    }

    /// Output buffer size to start with: the gzip trailer's length field (the
    /// uncompressed size mod 2³²) plus one when it is believable, that is at most
    /// `assumedRatio` times the compressed size (and 64 KiB); never more than
    /// `limit + 1`, never 0. A trailer claiming more costs nothing: the buffer grows by
    /// doubling as output is actually produced.
    static func initialCapacity(for compressed: [UInt8], limit: Int) -> Int {
        let assumed = compressed.count.multipliedReportingOverflow(by: assumedRatio)
        let believable = assumed.overflow ? limit + 1 : max(assumed.partialValue, initialOutputBytes)
        let ceiling = max(1, min(limit + 1, believable))
        guard isCompressed(compressed), compressed.count >= 18 else { return min(ceiling, initialOutputBytes) }
        let end = compressed.count
        let recorded = Int(compressed[end - 4]) | Int(compressed[end - 3]) << 8
            | Int(compressed[end - 2]) << 16 | Int(compressed[end - 1]) << 24
        return min(ceiling, recorded + 1)
    }
}
