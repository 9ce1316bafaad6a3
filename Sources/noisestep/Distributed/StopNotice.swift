import Foundation
import NoiseStep

/// Rank 0's last words when `mpirun` ends a `train` job because another rank died or the
/// job was interrupted: mpirun waits a second, then sends the surviving ranks SIGTERM
/// and, a few tens of milliseconds later, SIGKILL. There is no time to wait for a
/// thread, so the words are made ready beforehand and a plain signal handler writes them
/// (`write` and `_exit` are async-signal-safe) and exits with 143. The step log needs no
/// last act: each step is appended as it finishes, and the kernel keeps what was written.
enum StopNotice {
    /// The words, written once by `install` before the handler can run, then only read.
    nonisolated(unsafe) private static var words: UnsafeMutableBufferPointer<UInt8>?

    /// From now on, SIGTERM writes the notice for `log` and exits with 143.
    /// - Parameter resume: the command that continues the run, without `--resume FILE`.
    static func install(log: String?, resume: String) {
        let bytes = Array((message(log: log, resume: resume) + "\n").utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        words = buffer
        signal(SIGTERM) { _ in
            if let words = StopNotice.words { _ = write(STDERR_FILENO, words.baseAddress, words.count) }
            _exit(128 + SIGTERM)
        }
    }

    /// SIGTERM ends the process silently again, as by default.
    static func remove() {
        signal(SIGTERM, SIG_DFL)
    }

    static func message(log: String?, resume: String) -> String {
        let stopped = ErrorMessages.prefix + "rank 0 was stopped by mpirun: another rank ended, or the job was interrupted"
        guard let log else { return stopped + "; nothing was saved (pass --out FILE.nstep to keep a run)" }
        let path = Printable.escaped(log)
        return stopped + "; \(path) holds every step finished: continue it with `\(resume) --resume \(path)`"
            + " (on any number of ranks)"
    }
}
