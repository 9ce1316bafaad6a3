/// The bytes of a step log, from an open file or from memory, read a piece at a time so
/// that reading a log of any length holds one section (and a 64 KiB window) at once.
///
/// `size` is fixed when the source is made: a writer appending meanwhile adds nothing to
/// what is read (its last section may then look torn, as it is).
struct LogSource {
    private enum Storage {
        case memory([UInt8])
        case file(OpenFile)
    }

    private let storage: Storage
    let size: Int
    /// Bytes read ahead at once, so a run of small records costs one read per window.
    static let windowBytes = 64 << 10
    private var window: [UInt8] = []
    private var windowStart = 0

    init(bytes: [UInt8]) {
        storage = .memory(bytes)
        size = bytes.count
    }

    init(file: OpenFile) throws(FileProblem) {
        storage = .file(file)
        size = try file.size()
    }

    /// Up to `count` bytes from `offset` (fewer only past `size`).
    mutating func bytes(at offset: Int, count: Int) throws(FileProblem) -> ArraySlice<UInt8> {
        let wanted = max(0, min(count, size - offset))
        guard wanted > 0 else { return [] }
        if offset >= windowStart && offset + wanted <= windowStart + window.count {
            return window[(offset - windowStart) ..< (offset - windowStart + wanted)]
        }
        window = try read(at: offset, count: min(max(wanted, Self.windowBytes), size - offset))
        windowStart = offset
        return window[0 ..< min(wanted, window.count)]
    }

    /// Whether every byte from `offset` to `size` is zero, read a window at a time; holes
    /// of a sparse file are skipped without reading them.
    mutating func isZero(from offset: Int) throws(FileProblem) -> Bool {
        var position = offset
        while position < size {
            if case .file(let file) = storage { position = max(position, min(file.dataStart(from: position), size)) }
            guard position < size else { break }
            let piece = try bytes(at: position, count: Self.windowBytes)
            guard piece.allSatisfy({ $0 == 0 }) else { return false }
            position += piece.count
        }
        return true
    }

    private func read(at offset: Int, count: Int) throws(FileProblem) -> [UInt8] {
        switch storage {
        case .memory(let bytes): return Array(bytes[offset ..< offset + count])
        case .file(let file): return try file.read(at: offset, count: count)
        }
    }
}
