/// How every noisestep output comes into being: only as a regular file, never over
/// anything else, and locked from the moment its path names it.
///
/// - Symbolic links are followed: a link at the path (or a chain of them) names the file
///   written, and stays a link. A link to nothing creates its target, as the shell's `>`
///   does; a loop is an error (ELOOP).
/// - A device, FIFO, socket or directory at the path is refused before anything is written.
/// - A new file gets its contents, synced, under a temporary name beside it, is locked,
///   and then gets its name with `link`, which never replaces: no reader ever sees a
///   half-written header, and no second writer can slip in between creating and locking.
/// - A replaced file is locked (refused if another process holds it) and checked to be of
///   the expected kind before the new one is renamed over it.
public enum OutputFile {
    /// Tries when the path changes under us (another process creating or replacing it).
    private static let attempts = 3
    /// Temporary names tried before giving up (`path.tmp-<pid>-<n>`).
    private static let temporaryNames = 16

    /// Creates the file `path` names, an output of `kind`, with `contents`, synced, and
    /// returns it open for reading and writing and exclusively locked.
    static func create(_ path: String, kind: OutputKind, contents: [UInt8],
                       existing: ExistingFile) throws(FileProblem) -> OpenFile {
        let target = try FileSystem.followingLinks(path)
        for _ in 0 ..< attempts {
            if let status = try FileSystem.status(target, followingLinks: false) {
                guard status.kind == .regularFile else { throw .notRegularFile(status.kind) }
                guard existing == .replace else { throw .exists(kind) }
                if let file = try replace(target, with: contents, kind: kind) { return file }
            } else if let file = try createNew(target, contents: contents) {
                return file
            }
        }
        throw .locked  // the path kept changing: another process is working on it
    }

    /// Writes a small output of `kind` whole: `bytes` appear at `path` all at once, synced,
    /// or not at all.
    public static func write(_ bytes: [UInt8], to path: String, kind: OutputKind,
                             existing: ExistingFile) throws(FileProblem) {
        _ = try create(path, kind: kind, contents: bytes, existing: existing)
    }

    /// Refuses now what `create(path, kind:, contents:, existing:)` would refuse, without
    /// creating anything: so a command can check all its outputs before it starts (and
    /// before it creates the first of them). Only a check: another process may still
    /// take the path before `create`, which then refuses it.
    static func checkCreatable(_ path: String, kind: OutputKind, existing: ExistingFile) throws(FileProblem) {
        let target = try FileSystem.followingLinks(path)
        guard let status = try FileSystem.status(target, followingLinks: false) else {
            let folder = try FileSystem.status(FileSystem.directory(of: target))
            guard folder?.kind == .directory else { throw .system(.create, code: FileSystem.missingCode) }
            return
        }
        guard status.kind == .regularFile else { throw .notRegularFile(status.kind) }
        guard existing == .replace else { throw .exists(kind) }
        let old = try FileSystem.openForReading(target)
        try old.lockExclusively()
        guard try kind.recognizes(old) else { throw .notReplaceable(expected: kind) }
    }

    /// Opens the existing regular file `path` for reading and writing, exclusively locked,
    /// after checking that the lock is on the file the path names now (not one a
    /// replacement just moved aside).
    static func openLocked(_ path: String) throws(FileProblem) -> OpenFile {
        for _ in 0 ..< attempts {
            let file = try FileSystem.openForUpdate(path)
            try file.lockExclusively()
            if try file.identity() == FileSystem.status(path)?.identity { return file }
        }
        throw .locked
    }

    /// `openLocked`, creating an empty file of `kind` first when nothing is at `path`.
    static func openOrCreateLocked(_ path: String, kind: OutputKind) throws(FileProblem) -> OpenFile {
        let target = try FileSystem.followingLinks(path)
        if try FileSystem.status(target, followingLinks: false) == nil {
            do throws(FileProblem) {
                return try create(target, kind: kind, contents: [], existing: .refuse)
            } catch .exists {
                // Created by another process meanwhile: open it like any existing file.
            }
        }
        return try openLocked(target)
    }

    /// Whether two paths name one file: both exist and are the same file (through hard or
    /// symbolic links), or neither exists and both would be created at the same place.
    public static func sameFile(_ first: String, _ second: String) -> Bool {
        // `try?` flattens: nil when nothing is there (or it cannot be looked at).
        let a = try? FileSystem.status(first), b = try? FileSystem.status(second)
        if let a, let b { return a.identity == b.identity }
        guard a == nil, b == nil else { return false }
        return location(first) != nil && location(first) == location(second)
    }

    /// The absolute path a new file at `path` would get, links followed.
    private static func location(_ path: String) -> String? {
        guard let target = try? FileSystem.followingLinks(path),
              let folder = FileSystem.realPath(FileSystem.directory(of: target)) else { return nil }
        return FileSystem.join(folder, String(target.split(separator: "/").last ?? ""))
    }

    /// A new file at `target`, or nil when something appeared there meanwhile.
    private static func createNew(_ target: String, contents: [UInt8]) throws(FileProblem) -> OpenFile? {
        let (temporary, file) = try prepared(contents, beside: target)
        defer { FileSystem.remove(temporary) }  // once linked, `target` keeps the file
        switch try FileSystem.link(temporary, to: target) {
        case .linked:
            try FileSystem.syncDirectory(of: target)
            return file
        case .destinationExists:
            return nil
        case .unsupported:
            // No hard links here: create the name itself; the lock follows at once.
            let direct: OpenFile
            do throws(FileProblem) {
                direct = try FileSystem.createExclusive(target)
            } catch .system(.create, let code) where FileSystem.isExists(code) {
                return nil
            }
            try direct.lockExclusively()
            try direct.write(contents, at: 0)
            try direct.sync()
            try FileSystem.syncDirectory(of: target)
            return direct
        }
    }

    /// `contents` replacing the regular file at `target`, or nil when the path was
    /// replaced while we looked.
    private static func replace(_ target: String, with contents: [UInt8], kind: OutputKind) throws(FileProblem) -> OpenFile? {
        let old = try FileSystem.openForReading(target)
        try old.lockExclusively()
        guard try old.identity() == FileSystem.status(target, followingLinks: false)?.identity else { return nil }
        guard try kind.recognizes(old) else { throw .notReplaceable(expected: kind) }
        let (temporary, file) = try prepared(contents, beside: target)
        do throws(FileProblem) {
            try FileSystem.rename(temporary, to: target)
        } catch {
            FileSystem.remove(temporary)
            throw error
        }
        try FileSystem.syncDirectory(of: target)
        return file  // `old` closes here, after the new file holds the name and its lock
    }

    /// A new temporary file beside `target` holding `contents`, synced and locked.
    private static func prepared(_ contents: [UInt8], beside target: String) throws(FileProblem) -> (String, OpenFile) {
        var attempt = 0
        while true {
            let temporary = "\(target).tmp-\(FileSystem.processID)-\(attempt)"
            let file: OpenFile
            do throws(FileProblem) {
                file = try FileSystem.createExclusive(temporary)
            } catch .system(.create, let code) where FileSystem.isExists(code) && attempt + 1 < temporaryNames {
                attempt += 1  // a stale one from a process that died with our id: skip it
                continue
            }
            do throws(FileProblem) {
                try file.write(contents, at: 0)
                try file.sync()
                try file.lockExclusively()
            } catch {
                FileSystem.remove(temporary)
                throw error
            }
            return (temporary, file)
        }
    }
}
