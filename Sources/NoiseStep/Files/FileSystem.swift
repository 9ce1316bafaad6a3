#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine's only access to the file system and the process (POSIX, no Foundation).
/// Every call is retried on EINTR and fails with a `FileProblem` carrying the operation
/// and `errno`; callers add the path the user gave. Paths are `PathBytes` strings: each
/// call passes the path's own bytes, never a repaired UTF-8 copy, and an empty path is
/// refused (`.emptyPath`) before any call.
enum FileSystem {
    /// What `path` names, or nil when nothing is there. `followingLinks: false` reports
    /// a symbolic link itself (lstat) rather than its target.
    /// - Throws: `.system(.status, ENOTDIR)` when a folder in the path is a file.
    static func status(_ path: String, followingLinks: Bool = true) throws(FileProblem) -> NodeStatus? {
        var raw = stat()
        let result = try withPath(path) { followingLinks ? stat($0, &raw) : lstat($0, &raw) }
        if result == 0 { return NodeStatus(raw) }
        if errno == ENOENT { return nil }
        throw .system(.status, code: errno)
    }

    /// Opens the regular file at `path` for reading. Never blocks on a FIFO.
    /// - Throws: `.notRegularFile` for anything else, before a byte is read.
    static func openForReading(_ path: String) throws(FileProblem) -> OpenFile {
        try openRegular(path, flags: O_RDONLY)
    }

    /// Opens the existing regular file at `path` for reading and writing.
    static func openForUpdate(_ path: String) throws(FileProblem) -> OpenFile {
        try openRegular(path, flags: O_RDWR)
    }

    /// Creates `path`, which must not exist (not even as a dangling link), for reading
    /// and writing.
    static func createExclusive(_ path: String) throws(FileProblem) -> OpenFile {
        let descriptor = try withPath(path) { name in retrying { open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) } }
        guard descriptor >= 0 else { throw .system(.create, code: errno) }
        return OpenFile(descriptor)
    }

    /// The target of the symbolic link at `path`, as stored in the link.
    static func linkTarget(_ path: String) throws(FileProblem) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = try withPath(path) { name in
            buffer.withUnsafeMutableBufferPointer { readlink(name, $0.baseAddress!, $0.count - 1) }
        }
        guard length >= 0 else { throw .system(.followLink, code: errno) }
        return PathBytes.string(buffer[..<length].map { UInt8(bitPattern: $0) })
    }

    /// What `link` did.
    enum LinkOutcome { case linked, destinationExists, unsupported }

    /// Gives the file at `source` a second name, `destination`, never replacing anything
    /// there. `.unsupported` where the file system has no hard links (FAT, some network
    /// and FUSE file systems).
    static func link(_ source: String, to destination: String) throws(FileProblem) -> LinkOutcome {
        let result = try withPaths(source, destination) { from, to in retrying { systemLink(from, to) } }
        guard result != 0 else { return .linked }
        switch errno {
        case EEXIST: return .destinationExists
        case EPERM, EOPNOTSUPP, EMLINK, ENOSYS: return .unsupported
        default: throw .system(.link, code: errno)
        }
    }

    /// Most symbolic links followed in a row before giving up, as the kernel does.
    static let maximumLinkHops = 40

    /// `path` with symbolic links in its last component followed to what they point at
    /// (which may not exist yet); relative targets are taken from the link's folder.
    /// - Throws: `.system(.followLink, ELOOP)` for a loop or a chain over 40 links.
    static func followingLinks(_ path: String) throws(FileProblem) -> String {
        var current = path
        for _ in 0 ..< maximumLinkHops {
            guard try status(current, followingLinks: false)?.kind == .symbolicLink else { return current }
            let target = try linkTarget(current)
            current = target.hasPrefix("/") ? target : join(directory(of: current), target)
        }
        throw .system(.followLink, code: ELOOP)
    }

    /// ENOENT: what creating a file in a missing folder fails with; ENOTDIR, in a "folder"
    /// that is a file.
    static let missingCode = ENOENT, notFolderCode = ENOTDIR

    /// EEXIST, for a problem the file layer reports itself.
    static let existsCode = EEXIST

    /// Whether `code` says a file that had to be new was already there.
    static func isExists(_ code: Int32) -> Bool { code == EEXIST }

    /// Moves `source` over `destination` in one step.
    static func rename(_ source: String, to destination: String) throws(FileProblem) {
        let result = try withPaths(source, destination) { from, to in retrying { systemRename(from, to) } }
        guard result == 0 else { throw .system(.rename, code: errno) }
    }

    /// Removes the name `path` (best effort: used to clean up temporary files).
    static func remove(_ path: String) { _ = try? withPath(path) { unlink($0) } }

    /// Syncs the directory holding `path`, so a new name in it survives a crash.
    static func syncDirectory(of path: String) throws(FileProblem) {
        let descriptor = try withPath(directory(of: path)) { name in retrying { open(name, O_RDONLY | O_DIRECTORY | O_CLOEXEC) } }
        guard descriptor >= 0 else { throw .system(.syncDirectory, code: errno) }
        defer { close(descriptor) }
        guard retrying({ fsync(descriptor) }) == 0 else { throw .system(.syncDirectory, code: errno) }
    }

    /// `path` with symbolic links and `.`/`..` resolved, or nil if it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = try? withPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return PathBytes.string(cString: resolved)
    }

    /// The process's current directory, or nil if it cannot be determined.
    static func currentDirectory() -> String? {
        guard let directory = getcwd(nil, 0) else { return nil }
        defer { free(directory) }
        return PathBytes.string(cString: directory)
    }

    /// The value of the environment variable `name`, or nil when unset.
    static func environment(_ name: String) -> String? { getenv(name).map { PathBytes.string(cString: $0) } }

    static var processID: Int { Int(getpid()) }

    /// The folder part of `path` ("." for a bare name, "/" for a top-level name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `directory/name`, without doubling a trailing slash.
    static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Opens `path` with `flags` and checks that it is a regular file. O_NONBLOCK: opening
    /// a FIFO must fail or return at once, never wait for the other end.
    private static func openRegular(_ path: String, flags: Int32) throws(FileProblem) -> OpenFile {
        let descriptor = try withPath(path) { name in retrying { open(name, flags | O_CLOEXEC | O_NONBLOCK) } }
        guard descriptor >= 0 else {
            // Opening a directory for writing fails with EISDIR; say what it is instead.
            if errno == EISDIR { throw .notRegularFile(.directory) }
            if errno == ENXIO, let kind = try? status(path)?.kind, kind != .regularFile { throw .notRegularFile(kind) }
            throw .system(.open, code: errno)
        }
        let file = OpenFile(descriptor)
        let kind = try file.status().kind
        guard kind == .regularFile else { throw .notRegularFile(kind) }
        return file
    }

    /// `body` given `path`'s bytes as a C string.
    /// - Throws: `.emptyPath` for "", which names no file.
    static func withPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws(FileProblem) -> Result) throws(FileProblem) -> Result {
        guard !path.isEmpty else { throw .emptyPath }
        var bytes = PathBytes.bytes(path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(FileProblem) -> Result in try body(buffer.baseAddress!) }
    }

    /// `body` given both paths' bytes as C strings.
    static func withPaths<Result>(_ first: String, _ second: String,
                                  _ body: (UnsafePointer<CChar>, UnsafePointer<CChar>) -> Result) throws(FileProblem) -> Result {
        try withPath(first) { (a) throws(FileProblem) -> Result in try withPath(second) { b in body(a, b) } }
    }

    /// `call()` repeated while it fails with EINTR.
    static func retrying<Result: BinaryInteger>(_ call: () -> Result) -> Result {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

// link(2) and rename(2), named apart from the methods above that wrap them.
private func systemLink(_ source: UnsafePointer<CChar>, _ destination: UnsafePointer<CChar>) -> Int32 {
    link(source, destination)
}
private func systemRename(_ source: UnsafePointer<CChar>, _ destination: UnsafePointer<CChar>) -> Int32 {
    rename(source, destination)
}
