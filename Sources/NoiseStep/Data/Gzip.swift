import CZlib

/// Gzip decompression through the system zlib, hardened for untrusted input.
public enum Gzip {
    /// Whether `bytes` start with the gzip magic number 1f 8b.
    public static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// The decompressed content of the gzip (or zlib) stream `compressed`.
    ///
    /// Concatenated gzip members are decompressed one after another, as `gunzip` does.
    /// Never allocates more than about `limit` bytes of output, whatever the headers claim.
    /// - Parameters:
    ///   - limit: the most decompressed bytes accepted.
    ///   - name: the file name used in errors.
    /// - Throws: `.corruptGzip` for a damaged, cut-short or trailing-garbage stream,
    ///   `.tooLarge` when the output would exceed `limit`.
    public static func decompress(_ compressed: [UInt8], limit: Int, name: String) throws(DataError) -> [UInt8] {
        let limit = min(max(limit, 0), Int.max / 2)  // keeps `limit + 1` and doubling in range
        var stream = z_stream()
        let started = noisestep_inflateInit2(&stream, 15 + 32)  // 32: accept gzip or zlib headers
        guard started == Z_OK else {
            throw .corruptGzip(file: name, reason: "zlib failed to start (code \(started))")
        }
        defer { inflateEnd(&stream) }

        var output = [UInt8](repeating: 0, count: initialCapacity(for: compressed, limit: limit))
        var produced = 0
        var consumed = 0
        while true {
            if produced == output.count {
                if produced > limit { throw .tooLarge(file: name, limitBytes: limit) }
                let doubled = output.count.multipliedReportingOverflow(by: 2)
                let target = doubled.overflow ? limit + 1 : min(doubled.partialValue, limit + 1)
                output.append(contentsOf: repeatElement(0, count: max(target - output.count, 1)))
            }
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

            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                if consumed == compressed.count {
                    if produced > limit { throw .tooLarge(file: name, limitBytes: limit) }
                    output.removeLast(output.count - produced)
                    return output
                }
                let rest = compressed.count - consumed
                guard rest >= 2, compressed[consumed] == 0x1F, compressed[consumed + 1] == 0x8B else {
                    throw .corruptGzip(file: name, reason: "\(rest) unexpected bytes after the end of the gzip stream")
                }
                guard inflateReset(&stream) == Z_OK else {
                    throw .corruptGzip(file: name, reason: "zlib failed to start the next gzip member")
                }
            case Z_BUF_ERROR:
                if stream.avail_out == 0 { continue }  // output full: grow and go on
                if consumed == compressed.count {
                    throw .corruptGzip(file: name, reason: "the compressed data ends before the end of the stream")
                }
                throw .corruptGzip(file: name, reason: "decompression stopped making progress")
            case Z_NEED_DICT:
                throw .corruptGzip(file: name, reason: "the stream needs a preset dictionary")
            case Z_MEM_ERROR:
                throw .corruptGzip(file: name, reason: "zlib ran out of memory")
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw .corruptGzip(file: name, reason: message)
            }
        }
    }

    /// Output buffer size to start with: the gzip trailer's length field (the
    /// uncompressed size mod 2³²) plus one, bounded by what deflate can possibly
    /// expand `compressed` to and by `limit + 1`. Never 0.
    private static func initialCapacity(for compressed: [UInt8], limit: Int) -> Int {
        let ceiling = limit + 1
        // Deflate expands at most about 1032:1; beyond that the trailer is lying.
        let plausible = compressed.count.multipliedReportingOverflow(by: 1032)
        let maximum = plausible.overflow ? ceiling : min(ceiling, max(plausible.partialValue, 1))
        guard isCompressed(compressed), compressed.count >= 18 else { return min(maximum, 1 << 16) }
        let end = compressed.count
        let recorded = Int(compressed[end - 4]) | Int(compressed[end - 3]) << 8
            | Int(compressed[end - 2]) << 16 | Int(compressed[end - 1]) << 24
        return min(maximum, recorded + 1)
    }
}
