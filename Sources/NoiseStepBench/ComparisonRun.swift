import Foundation
import NoiseStep

/// One optimizer's training run on the bundled data at the default configuration, as
/// printed (one JSON line) by the child `noisestep bench --measure-run OPTIMIZER`.
struct ComparisonRun: Codable, Sendable {
    var optimizer: Optimizer
    var steps: Int
    /// On the bundled 500-image validation split, after the last step.
    var validationAccuracy: Double
    var medianStepMs: Double
    /// Wall time of all steps, evaluation excluded.
    var seconds: Double
    var stateBytesPerParameter: Double
    var scratchBytes: Int
    /// Peak resident memory of the child process; filled in by the parent.
    var peakResidentBytes: Int?
}
