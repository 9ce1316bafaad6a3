/// Replaces a file all at once: readers see the old contents or the new, never a mix,
/// and after `write` returns the new contents survive a crash.
///
/// The bytes go to a temporary file next to `path` (`path.tmp-<pid>-<n>`, so on the same
/// file system), which is synced, renamed over `path`, and then the directory is synced.
/// If anything fails the temporary file is removed and `path` is untouched.
public enum AtomicFile {
    /// Writes `bytes` to `path`, replacing any file there.
    /// - Throws: `StepLogError.unwritable` naming the file and the failed operation.
    public static func write(_ bytes: [UInt8], to path: String) throws(StepLogError) {
        let (temporary, descriptor) = try createTemporary(for: path)
        var isOpen = true
        do throws(StepLogError) {
            try LogFileSystem.write(bytes, at: 0, to: descriptor, file: temporary)
            try LogFileSystem.sync(descriptor, file: temporary)
            LogFileSystem.closeFile(descriptor)
            isOpen = false
            try LogFileSystem.rename(temporary, to: path)
        } catch {
            if isOpen { LogFileSystem.closeFile(descriptor) }
            LogFileSystem.remove(temporary)
            throw error
        }
        try LogFileSystem.syncDirectory(of: path)
    }

    /// A new temporary file beside `path`; a stale one from a process that died with
    /// the same id is skipped, not reused.
    private static func createTemporary(for path: String) throws(StepLogError) -> (String, Int32) {
        var attempt = 0
        while true {
            let temporary = "\(path).tmp-\(LogFileSystem.processID)-\(attempt)"
            do throws(StepLogError) {
                return (temporary, try LogFileSystem.createExclusive(temporary))
            } catch {
                attempt += 1
                if attempt >= 16 { throw error }
            }
        }
    }
}
