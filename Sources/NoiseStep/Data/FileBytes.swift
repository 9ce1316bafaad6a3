#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and existence checks on the local file system (POSIX, no Foundation).
enum FileBytes {
    /// The contents of the file at `path`.
    ///
    /// Reads until end of file, so a file that changes size while being read is still
    /// handled. Never holds more than `limit + 1` bytes.
    /// - Throws: `.unreadable` when the file cannot be opened or read, or is not a
    ///   regular file (directory, FIFO, device: reading could block or never end);
    ///   `.tooLarge` when it holds more than `limit` bytes.
    static func read(_ path: String, limit: Int) throws(DataError) -> [UInt8] {
        let limit = min(max(limit, 0), Int.max / 2)
        // O_NONBLOCK: opening a FIFO must not wait for a writer; regular files ignore it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw .unreadable(file: path, reason: Self.errorText(errno)) }
        defer { close(descriptor) }

        var status = stat()
        if fstat(descriptor, &status) != 0 { throw .unreadable(file: path, reason: Self.errorText(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(file: path, reason: "it is a directory")
        default: throw .unreadable(file: path, reason: "not a regular file")
        }
        let sizeHint = Int(clamping: status.st_size)
        if sizeHint > limit { throw .tooLarge(file: path, limitBytes: limit) }

        // One spare byte beyond the expected size lets a single extra read detect growth.
        var buffer = [UInt8](repeating: 0, count: max(sizeHint, 0) + 1)
        var filled = 0
        while true {
            if filled == buffer.count {
                if filled > limit { throw .tooLarge(file: path, limitBytes: limit) }
                let grown = min(max(buffer.count, 1 << 16), limit + 1 - filled)
                buffer.append(contentsOf: repeatElement(0, count: max(grown, 1)))
            }
            let wanted = buffer.count - filled
            let got = buffer.withUnsafeMutableBytes { raw in
                posixRead(descriptor, raw.baseAddress! + filled, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: Self.errorText(errno))
            }
            if got == 0 { break }
            filled += got
        }
        if filled > limit { throw .tooLarge(file: path, limitBytes: limit) }
        buffer.removeLast(buffer.count - filled)
        return buffer
    }

    /// Whether `path` names an existing regular file (following symbolic links).
    static func isFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether `path` names an existing directory (following symbolic links).
    static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// `path` with symbolic links and `.`/`..` resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The process's current directory, or nil if it cannot be determined.
    static func currentDirectory() -> String? {
        guard let cwd = getcwd(nil, 0) else { return nil }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `path` itself followed by each of its parent directories up to `/`.
    static func selfAndAncestors(_ path: String) -> [String] {
        var result = [String]()
        var current = path
        while !current.isEmpty {
            result.append(current)
            guard let slash = current.lastIndex(of: "/") else { break }
            let parent = slash == current.startIndex ? "/" : String(current[..<slash])
            if parent == current { break }
            current = parent
        }
        return result
    }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

/// POSIX read(2), named apart from the `read` methods above.
@inline(__always)
private func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    return Darwin.read(descriptor, buffer, count)
    #elseif canImport(Musl)
    return Musl.read(descriptor, buffer, count)
    #else
    return Glibc.read(descriptor, buffer, count)
    #endif
}
