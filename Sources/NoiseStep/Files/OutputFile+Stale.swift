/// Temporary files that a writer killed at the wrong moment left behind.
extension OutputFile {
    /// Most stale files removed per call, so a folder full of them costs a bounded time.
    private static let staleRemovalsPerCall = 64

    /// Removes, from `folder`, temporary files of writers that are gone: this program's
    /// `.noisestep-PID-N.tmp`, and `NAME.tmp-PID-N` (what earlier versions used) for the
    /// output `target`. One is stale when no process has its id and no process holds its
    /// lock (every writer locks its temporary file before writing to it); anything else,
    /// or a name that only looks alike, is left alone. Best effort: failures are ignored.
    static func removeStaleTemporaries(in folder: String, besides target: String) {
        let legacyPrefix = String(target.split(separator: "/", omittingEmptySubsequences: false).last ?? "") + ".tmp-"
        var removed = 0
        for name in FileSystem.entries(of: folder) where removed < staleRemovalsPerCall {
            guard let pid = writerID(of: name, legacyPrefix: legacyPrefix), !FileSystem.isProcessAlive(pid) else { continue }
            let path = FileSystem.join(folder, name)
            guard let file = try? FileSystem.openForReading(path), (try? file.lockExclusively()) != nil else { continue }
            FileSystem.remove(path)
            removed += 1
        }
    }

    /// The process id in a temporary file's name, or nil for any other name.
    static func writerID(of name: String, legacyPrefix: String) -> Int? {
        let numbers: Substring
        if name.hasPrefix(temporaryPrefix) && name.hasSuffix(temporarySuffix) {
            numbers = name.dropFirst(temporaryPrefix.count).dropLast(temporarySuffix.count)
        } else if legacyPrefix.count > 5 && name.hasPrefix(legacyPrefix) {
            numbers = name.dropFirst(legacyPrefix.count)
        } else {
            return nil
        }
        let parts = numbers.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let pid = Int(parts[0]), Int(parts[1]) != nil else { return nil }
        return pid
    }
}
