import Foundation
import NoiseStep

/// What one `noisestep bench` run measures. The front end fills it from its flags; the
/// harness does the rest and returns figures, never text for the terminal.
public struct BenchRequest: Sendable {
    /// Rounds of interleaved measurements, at least 1.
    public var rounds = 3
    /// Worker threads for us and the reference; 0 means one per active processor.
    public var threads = 0
    /// Where the PyTorch reference comes from.
    public var reference = ReferenceChoice.locate(explicit: nil)
    /// Steps of each `--compare` training run; nil runs no comparison.
    public var compareSteps: Int?
    /// The running noisestep binary: the child processes (headless training, `--compare`
    /// runs, the dashboard in tmux) are started from it.
    public var executable: String

    public init(executable: String) { self.executable = executable }

    /// The thread count with 0 resolved to the number of active processors.
    public var resolvedThreads: Int { threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount }
}
