#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls the step log makes, each retried on EINTR and failing with a
/// `StepLogError` that names the file. All of the step log's libc access is here.
enum LogFileSystem {
    /// The whole regular file at `path`, refusing one larger than `limit` bytes before
    /// reading it. Never holds more than `limit + 1` bytes, even if the file grows.
    static func readAll(_ path: String, limit: Int) throws(StepLogError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: errorText()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(file: path, reason: errorText()) }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw .unreadable(file: path, reason: status.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "not a regular file")
        }
        let expected = Int(clamping: status.st_size)
        guard expected <= limit else { throw .tooLarge(file: path, bytes: expected, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: expected + 1)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { raw in systemRead(descriptor, raw.baseAddress! + filled, raw.count - filled) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw .unreadable(file: path, reason: errorText()) }
            if got == 0 { break }
            filled += got
            if filled == bytes.count && filled <= limit {
                bytes += repeatElement(0, count: min(max(filled, 4096), limit + 1 - filled))
            }
        }
        guard filled <= limit else { throw .tooLarge(file: path, bytes: filled, limit: limit) }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Opens an existing file for writing, holding an exclusive advisory lock so two
    /// writers never append to one log.
    static func openForAppend(_ path: String) throws(StepLogError) -> Int32 {
        // O_NONBLOCK: opening a FIFO must fail, not wait for a reader; regular files ignore it.
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: errorText()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .unwritable(file: path, reason: "not a regular file")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK ? "another process is writing this log" : errorText()
            close(descriptor)
            throw .unwritable(file: path, reason: reason)
        }
        return descriptor
    }

    /// Opens the regular file at `path` for writing, creating it if missing; refuses
    /// anything else (a FIFO, a device, a directory) before writing a byte.
    static func openForWriting(_ path: String) throws(StepLogError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK, 0o644)
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: errorText()) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .unwritable(file: path, reason: "not a regular file")
        }
        return descriptor
    }

    /// Creates `path`, which must not exist, for writing.
    static func createExclusive(_ path: String) throws(StepLogError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .unwritable(file: path, reason: errorText()) }
        return descriptor
    }

    /// Writes all of `bytes` at `offset`; a short write is continued, not repeated.
    static func write(_ bytes: [UInt8], at offset: Int, to descriptor: Int32, file: String) throws(StepLogError) {
        var done = 0
        while done < bytes.count {
            let wrote = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            }
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else { throw .unwritable(file: file, reason: wrote < 0 ? errorText() : "no progress") }
            done += wrote
        }
    }

    static func sync(_ descriptor: Int32, file: String) throws(StepLogError) {
        while fsync(descriptor) != 0 {
            guard errno == EINTR else { throw .unwritable(file: file, reason: "fsync: " + errorText()) }
        }
    }

    static func truncate(_ descriptor: Int32, to length: Int, file: String) throws(StepLogError) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            guard errno == EINTR else { throw .unwritable(file: file, reason: "truncate: " + errorText()) }
        }
    }

    static func size(of descriptor: Int32, file: String) throws(StepLogError) -> Int {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unwritable(file: file, reason: errorText()) }
        return Int(status.st_size)
    }

    static func closeFile(_ descriptor: Int32) { close(descriptor) }

    static func rename(_ source: String, to destination: String) throws(StepLogError) {
        guard systemRename(source, destination) == 0 else {
            throw .unwritable(file: destination, reason: "rename: " + errorText())
        }
    }

    static func remove(_ path: String) { unlink(path) }

    /// Syncs the directory holding `path`, so a rename into it survives a crash.
    static func syncDirectory(of path: String) throws(StepLogError) {
        var directory = "."
        if let slash = path.lastIndex(of: "/") { directory = String(path[...slash]) }
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unwritable(file: directory, reason: errorText()) }
        defer { close(descriptor) }
        try sync(descriptor, file: directory)
    }

    static var processID: Int { Int(getpid()) }

    private static func errorText() -> String {
        let code = errno
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

// read(2) and rename(2), named apart from the functions above.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
