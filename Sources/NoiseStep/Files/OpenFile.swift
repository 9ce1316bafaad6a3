#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file, closed (and its lock released) when the last reference goes.
///
/// Reads and writes take an explicit offset (pread/pwrite), so one `OpenFile` can be
/// read from several places without a shared file position. Failures are `FileProblem`s
/// without a path; the caller adds the one the user gave.
final class OpenFile: Sendable {
    let descriptor: Int32

    init(_ descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    func status() throws(FileProblem) -> NodeStatus {
        var raw = stat()
        guard fstat(descriptor, &raw) == 0 else { throw .system(.status, code: errno) }
        return NodeStatus(raw)
    }

    /// The file's size now.
    func size() throws(FileProblem) -> Int { try status().size }

    /// Up to `count` bytes from `offset`: fewer only at the end of the file.
    func read(at offset: Int, count: Int) throws(FileProblem) -> [UInt8] {
        precondition(offset >= 0 && count >= 0)
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { raw in
                FileSystem.retrying { pread(descriptor, raw.baseAddress! + filled, count - filled, off_t(offset + filled)) }
            }
            guard got >= 0 else { throw .system(.read, code: errno) }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(count - filled)
        return bytes
    }

    /// Writes all of `bytes` at `offset`; a short write is continued, not repeated.
    func write(_ bytes: [UInt8], at offset: Int) throws(FileProblem) {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { raw in
                FileSystem.retrying { pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done)) }
            }
            guard wrote >= 0 else { throw .system(.write, code: errno) }
            guard wrote > 0 else { throw .writeStalled }
            done += wrote
        }
    }

    func sync() throws(FileProblem) {
        guard FileSystem.retrying({ fsync(descriptor) }) == 0 else { throw .system(.sync, code: errno) }
    }

    func truncate(to length: Int) throws(FileProblem) {
        guard FileSystem.retrying({ ftruncate(descriptor, off_t(length)) }) == 0 else {
            throw .system(.truncate, code: errno)
        }
    }

    /// Takes the exclusive advisory lock that every noisestep writer holds for as long as
    /// it writes; never waits.
    /// - Throws: `.locked` when another open file holds it.
    func lockExclusively() throws(FileProblem) {
        guard FileSystem.retrying({ flock(descriptor, LOCK_EX | LOCK_NB) }) == 0 else {
            throw errno == EWOULDBLOCK ? .locked : .system(.lock, code: errno)
        }
    }

    /// The first offset at or after `offset` that may hold data, skipping holes of a
    /// sparse file without reading them; the file's size when only a hole follows.
    /// Where the file system cannot tell, `offset` itself.
    func dataStart(from offset: Int) -> Int {
        #if os(Linux)
        let found = lseek(descriptor, off_t(offset), Self.seekData)
        if found >= 0 { return Int(found) }
        if errno == ENXIO, let size = try? size() { return max(offset, size) }
        #endif
        return offset
    }

    /// lseek's SEEK_DATA on Linux, which Glibc's module does not export (it needs _GNU_SOURCE).
    private static let seekData: Int32 = 3

    /// The whole file, refusing one of more than `limit` bytes before reading it. Reads
    /// to the end of the file, so a file that grows meanwhile is still caught; never
    /// holds more than `limit + 1` bytes.
    func readWhole(limit: Int) throws(FileProblem) -> [UInt8] {
        let limit = min(max(limit, 0), Int.max / 2)
        let expected = try size()
        guard expected <= limit else { throw .tooLarge(bytes: expected, limit: limit) }
        var bytes = try read(at: 0, count: expected + 1)
        while bytes.count > expected, bytes.count <= limit {  // it grew: read on, in bounded steps
            let more = try read(at: bytes.count, count: min(max(bytes.count, 1 << 16), limit + 1 - bytes.count))
            if more.isEmpty { break }
            bytes += more
        }
        guard bytes.count <= limit else { throw .tooLarge(bytes: bytes.count, limit: limit) }
        return bytes
    }

    /// The device and inode of the open file.
    func identity() throws(FileProblem) -> FileIdentity { try status().identity }
}
