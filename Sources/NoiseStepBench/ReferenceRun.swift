import Foundation
import NoiseStep

/// One timed run of the PyTorch reference.
struct ReferenceRun: Sendable {
    /// The reference's own median wall time per step (its summary's median_ms_per_step).
    var medianMilliseconds: Double
    var peakResidentBytes: Int
}
