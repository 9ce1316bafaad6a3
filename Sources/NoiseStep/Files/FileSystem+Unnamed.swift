#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that have no name until they are finished, and the folder listings and process
/// checks that clean up after a writer that died before it could name its file.
extension FileSystem {
    /// A new regular file in `folder` that has no name (Linux's O_TMPFILE): if the process
    /// dies before `linkUnnamed` names it, nothing is left behind. Nil where the file
    /// system or the kernel cannot make one; the caller then uses a named temporary file.
    static func createUnnamed(in folder: String) throws(FileProblem) -> OpenFile? {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        let descriptor = try withPath(folder) { name in retrying { open(name, temporaryFileFlags | O_RDWR | O_CLOEXEC, 0o644) } }
        if descriptor >= 0 { return OpenFile(descriptor) }
        switch errno {
        case EOPNOTSUPP, EISDIR, EINVAL, ENOENT: return nil  // no O_TMPFILE here
        default: throw .system(.create, code: errno)
        }
        #else
        return nil
        #endif
    }

    /// Gives the unnamed `file` the name `destination`, never replacing anything there;
    /// `.unsupported` when it cannot be named this way (no /proc, say).
    static func linkUnnamed(_ file: OpenFile, to destination: String) throws(FileProblem) -> LinkOutcome {
        try link("/proc/self/fd/\(file.descriptor)", followingLink: true, to: destination)
    }

    /// O_TMPFILE on the architectures Swift runs on (`__O_TMPFILE | O_DIRECTORY`); Glibc's
    /// module does not export it.
    private static let temporaryFileFlags: Int32 = 0o20_200_000

    /// `link(2)`, or `linkat` following a symbolic link at `source` when asked.
    private static func link(_ source: String, followingLink: Bool, to destination: String) throws(FileProblem) -> LinkOutcome {
        let result = try withPaths(source, destination) { from, to in
            retrying { linkat(AT_FDCWD, from, AT_FDCWD, to, followingLink ? AT_SYMLINK_FOLLOW : 0) }
        }
        guard result != 0 else { return .linked }
        switch errno {
        case EEXIST: return .destinationExists
        case EPERM, EOPNOTSUPP, EMLINK, ENOSYS: return .unsupported
        case ENOENT where followingLink: return .unsupported  // no /proc: name it another way
        default: throw .system(.link, code: errno)
        }
    }

    /// The names in `folder` (without "." and ".."); empty when it cannot be listed.
    static func entries(of folder: String) -> [String] {
        guard let stream = try? withPath(folder, { opendir($0) }) else { return [] }
        defer { closedir(stream) }
        var names = [String]()
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                PathBytes.string(Array(raw.prefix(while: { $0 != 0 })))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Whether a process with id `pid` exists (it may belong to another user).
    static func isProcessAlive(_ pid: Int) -> Bool {
        guard let id = pid_t(exactly: pid), id > 0 else { return false }
        return kill(id, 0) == 0 || errno == EPERM
    }

    /// The effective user id: whose files this process may replace.
    static var userID: UInt32 { UInt32(geteuid()) }
}

extension OpenFile {
    /// Sets the file's permission bits (`mode & 0o7777`), as a replaced file had them.
    func setPermissions(_ mode: UInt32) throws(FileProblem) {
        guard FileSystem.retrying({ fchmod(descriptor, mode_t(mode & 0o7777)) }) == 0 else {
            throw .system(.write, code: errno)
        }
    }
}
