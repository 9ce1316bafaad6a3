import Dispatch
import Foundation
import NoiseStep

/// Rank 0's last words when `mpirun` ends a `train` job: it sends every rank SIGTERM (and
/// SIGKILL a second later) when another rank died or the job was interrupted. Rank 0
/// then syncs its step log, which holds every step finished, says how to continue it,
/// and exits with 143.
enum StopNotice {
    /// Handles SIGTERM on a queue of its own until the returned source is cancelled.
    /// - Parameter resume: the command that continues the run, without `--resume FILE`.
    static func install(log: StepLogWriter?, resume: String) -> any DispatchSourceSignal {
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM, queue: DispatchQueue(label: "noisestep.sigterm"))
        source.setEventHandler {
            try? log?.sync()
            FileHandle.standardError.write(Data((message(log: log, resume: resume) + "\n").utf8))
            _exit(128 + SIGTERM)
        }
        source.resume()
        return source
    }

    static func message(log: StepLogWriter?, resume: String) -> String {
        let stopped = "noisestep: rank 0 was stopped by mpirun: another rank ended, or the job was interrupted"
        guard let log else { return stopped + "; nothing was saved (pass --out FILE.nstep to keep a run)" }
        let path = Printable.escaped(log.path)
        return stopped + "; \(path) holds steps 1...\(log.stepsDone): continue it with `\(resume) --resume \(path)`"
            + " (on any number of ranks)"
    }
}
