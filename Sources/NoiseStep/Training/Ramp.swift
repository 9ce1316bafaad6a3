/// A setting that moves from one value to another over the first `steps` steps of a run,
/// slowly at both ends (smoothstep, 3p² − 2p³ of the progress p, within 0.01 of half a
/// cosine), and stays at the end value after that.
///
/// A pure function of the step number in basic IEEE arithmetic (no libm), so a replayed,
/// resumed or distributed run computes the same bits for the same step on any machine.
public struct Ramp: Sendable, Equatable, Codable {
    public var from: Double
    public var to: Double
    /// Steps over which the value moves; step 1 has `from`, step `steps` and later `to`.
    public var steps: Int

    public init(from: Double, to: Double, steps: Int) {
        self.from = from
        self.to = to
        self.steps = steps
    }

    /// The value at step `step` (1-based).
    public func value(atStep step: Int) -> Double {
        guard steps > 1 else { return to }
        let progress = Double(min(max(step - 1, 0), steps - 1)) / Double(steps - 1)
        return from + (to - from) * (progress * progress * (3 - 2 * progress))
    }
}
