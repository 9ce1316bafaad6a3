/// Settings that move smoothly over the first `steps` steps of a run and hold after that:
/// the reject quantile rising from `rejectQuantile` to `quantileTo` (keeping fewer, surer
/// signs as the model settles), and the batch growing from `batchFrom` to `batch` (large
/// batches only where their accuracy pays).
///
/// The path is smoothstep, 3p² − 2p³ of the progress p = (step − 1) / (steps − 1): slow at
/// both ends, within 0.01 of half a cosine. A pure function of the step number in basic
/// IEEE arithmetic (no libm), so a replayed, resumed or distributed run computes the same
/// bits for the same step on any machine. The length is the run's own, recorded with its
/// options and independent of how far the run trains, so a run resumed to more steps is
/// the run it would have been uninterrupted.
public struct Ramp: Sendable, Equatable, Codable {
    /// Steps over which the settings move; step 1 has the start values, step `steps` and
    /// later the end values.
    public var steps: Int
    /// The reject quantile from step `steps` on; nil: the quantile does not ramp.
    public var quantileTo: Double?
    /// The batch at step 1, growing to `TrainingOptions.batch`; nil: the batch does not ramp.
    public var batchFrom: Int?

    public init(steps: Int, quantileTo: Double? = nil, batchFrom: Int? = nil) {
        self.steps = steps
        self.quantileTo = quantileTo
        self.batchFrom = batchFrom
    }

    /// How far along the ramp step `step` (1-based) is, in [0, 1].
    public func progress(atStep step: Int) -> Double {
        guard steps > 1 else { return 1 }
        let p = Double(min(max(step - 1, 0), steps - 1)) / Double(steps - 1)
        return p * p * (3 - 2 * p)
    }

    /// `from` moved toward `to` as far as step `step` is along.
    public func value(from: Double, to: Double, atStep step: Int) -> Double {
        from + (to - from) * progress(atStep: step)
    }
}
