/// How every noisestep output comes into being: only as a regular file, never over
/// anything else, and locked from the moment its path names it.
///
/// - Symbolic links are followed: a link at the path (or a chain of them) names the file
///   written, and stays a link. A link to nothing creates its target, as the shell's `>`
///   does; a loop is an error (ELOOP).
/// - A device, FIFO, socket or directory at the path is refused before anything is written.
/// - A new file is made without a name (O_TMPFILE) in the target's folder, locked, given
///   its contents, synced, and then its name with `link`, which never replaces: no reader
///   ever sees a half-written header, no second writer can slip in between creating and
///   locking, and a writer killed before the link leaves nothing behind. Where a file
///   cannot be made without a name, a short temporary name (`.noisestep-PID-N.tmp`, so
///   any name up to 255 bytes still works) is used, and removed; one left by a writer
///   that died (its process gone, its lock free) is removed by the next output made in
///   that folder.
/// - A replaced file is locked (refused if another process holds it), checked to be of
///   the expected kind, owned by this user and writable by its owner (a read-only file is
///   kept); the new one gets the old one's permission bits and is renamed over it.
public enum OutputFile {
    /// Tries when the path changes under us (another process creating or replacing it).
    private static let attempts = 3
    /// Temporary names tried before giving up (`.noisestep-<pid>-<n>.tmp`).
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
            guard let folder = try FileSystem.status(FileSystem.directory(of: target)) else {
                throw .system(.create, code: FileSystem.missingCode)
            }
            guard folder.kind == .directory else { throw .system(.create, code: FileSystem.notFolderCode) }
            return
        }
        guard status.kind == .regularFile else { throw .notRegularFile(status.kind) }
        guard existing == .replace else { throw .exists(kind) }
        let old = try FileSystem.openForReading(target)
        try old.lockExclusively()
        try checkReplaceable(old, kind: kind)
    }

    /// Refuses to replace the locked file `old` unless it is this user's, writable by its
    /// owner, and a file of `kind`.
    private static func checkReplaceable(_ old: OpenFile, kind: OutputKind) throws(FileProblem) {
        let status = try old.status()
        guard status.owner == FileSystem.userID else { throw .otherOwner }
        guard status.isOwnerWritable else { throw .readOnly }
        guard try kind.recognizes(old) else { throw .notReplaceable(expected: kind) }
    }

    /// Opens the existing regular file `path` for reading and writing, exclusively locked,
    /// after checking that the lock is on the file the path names now (not one a
    /// replacement just moved aside).
    static func openLocked(_ path: String) throws(FileProblem) -> OpenFile {
        for _ in 0 ..< attempts {
            let file = try FileSystem.openForUpdate(path)
            try file.lockExclusively()
            let status = try file.status()
            guard status.isOwnerWritable else { throw .readOnly }
            if try status.identity == FileSystem.status(path)?.identity { return file }
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
        var prepared = try prepare(contents, beside: target)
        if prepared.name == nil {
            let outcome = try FileSystem.linkUnnamed(prepared.file, to: target)
            if outcome != .unsupported { return try named(prepared.file, outcome, target: target) }
            prepared = try prepareNamed(contents, beside: target)  // no /proc to name it by
        }
        guard let name = prepared.name else { preconditionFailure("a named temporary file has its name") }
        defer { FileSystem.remove(name) }  // once linked, `target` keeps the file
        let outcome = try FileSystem.link(name, to: target)
        if outcome != .unsupported { return try named(prepared.file, outcome, target: target) }
        return try createDirectly(target, contents: contents)
    }

    /// `file`, once `outcome` says it got the name `target` (made durable in its folder);
    /// nil when another file had the name first.
    private static func named(_ file: OpenFile, _ outcome: FileSystem.LinkOutcome, target: String) throws(FileProblem) -> OpenFile? {
        guard outcome == .linked else { return nil }
        try FileSystem.syncDirectory(of: target)
        return file
    }

    /// Where a file system has no hard links: creates the name itself; the lock follows at
    /// once. Nil when something appeared at `target` meanwhile.
    private static func createDirectly(_ target: String, contents: [UInt8]) throws(FileProblem) -> OpenFile? {
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

    /// `contents` replacing the regular file at `target`, or nil when the path was
    /// replaced while we looked.
    private static func replace(_ target: String, with contents: [UInt8], kind: OutputKind) throws(FileProblem) -> OpenFile? {
        let old = try FileSystem.openForReading(target)
        try old.lockExclusively()
        let oldStatus = try old.status()
        guard oldStatus.identity == (try FileSystem.status(target, followingLinks: false))?.identity else { return nil }
        try checkReplaceable(old, kind: kind)
        var prepared = try prepare(contents, beside: target)
        if prepared.name == nil {
            // A rename needs a name: the unnamed file gets a temporary one, or (where it
            // cannot be named that way) a named temporary file takes its place.
            prepared.name = try nameUnnamed(prepared.file, beside: target)
            if prepared.name == nil { prepared = try prepareNamed(contents, beside: target) }
        }
        try prepared.file.setPermissions(oldStatus.permissions)
        guard let name = prepared.name else { preconditionFailure("a named temporary file has its name") }
        do throws(FileProblem) {
            try FileSystem.rename(name, to: target)
        } catch {
            FileSystem.remove(name)
            throw error
        }
        try FileSystem.syncDirectory(of: target)
        return prepared.file  // `old` closes here, after the new file holds the name and its lock
    }

    /// A file made by `prepare`: unnamed (`name` nil) or under a temporary name.
    private struct Prepared {
        let file: OpenFile
        var name: String?
    }

    /// A new file beside `target` holding `contents`, locked and synced: unnamed where the
    /// system can, else under a temporary name. Removes stale temporary files first.
    private static func prepare(_ contents: [UInt8], beside target: String) throws(FileProblem) -> Prepared {
        let folder = FileSystem.directory(of: target)
        removeStaleTemporaries(in: folder, besides: target)
        if let file = try FileSystem.createUnnamed(in: folder) {
            try fill(file, with: contents)
            return Prepared(file: file, name: nil)
        }
        return try prepareNamed(contents, beside: target)
    }

    /// A new file beside `target` holding `contents`, locked and synced, under a
    /// temporary name.
    private static func prepareNamed(_ contents: [UInt8], beside target: String) throws(FileProblem) -> Prepared {
        let folder = FileSystem.directory(of: target)
        for attempt in 0 ..< temporaryNames {
            let name = temporaryName(in: folder, attempt: attempt)
            let file: OpenFile
            do throws(FileProblem) {
                file = try FileSystem.createExclusive(name)
            } catch .system(.create, let code) where FileSystem.isExists(code) {
                continue  // a stale one from a process that died with our id: skip it
            }
            do throws(FileProblem) {
                try fill(file, with: contents)
            } catch {
                FileSystem.remove(name)
                throw error
            }
            return Prepared(file: file, name: name)
        }
        throw .system(.create, code: FileSystem.existsCode)
    }

    /// Locks `file` first (so a cleaner never takes it for stale), then writes and syncs.
    private static func fill(_ file: OpenFile, with contents: [UInt8]) throws(FileProblem) {
        try file.lockExclusively()
        try file.write(contents, at: 0)
        try file.sync()
    }

    /// A temporary name for the unnamed `file` in `target`'s folder, for a rename over
    /// `target`; nil where it cannot be named that way (no /proc, say).
    private static func nameUnnamed(_ file: OpenFile, beside target: String) throws(FileProblem) -> String? {
        let folder = FileSystem.directory(of: target)
        for attempt in 0 ..< temporaryNames {
            let name = temporaryName(in: folder, attempt: attempt)
            switch try FileSystem.linkUnnamed(file, to: name) {
            case .linked: return name
            case .destinationExists: continue
            case .unsupported: return nil
            }
        }
        throw .system(.create, code: FileSystem.existsCode)
    }

    static func temporaryName(in folder: String, attempt: Int) -> String {
        FileSystem.join(folder, "\(temporaryPrefix)\(FileSystem.processID)-\(attempt)\(temporarySuffix)")
    }

    /// Temporary names are `.noisestep-PID-N.tmp`: short, so that a target name of up to
    /// 255 bytes is never refused because of them, and hidden.
    static let temporaryPrefix = ".noisestep-", temporarySuffix = ".tmp"
}
