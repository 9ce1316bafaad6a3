/// A run asked for more than the rulebook (`Limits`) allows. Carries the values, never
/// words: the command line and the dashboard say it in their own terms.
public enum LimitViolation: Error, Sendable, Equatable {
    /// One setting outside its range.
    case outOfRange(Setting, value: Double, allowed: LimitRange)
    /// Hidden widths, each allowed, whose model has more parameters than `limit`.
    case tooManyParameters(hidden: [Int], parameters: Int, limit: Int)
    /// samples × density × parameters: the nonzero entries a step's perturbations are
    /// expected to hold, which the step materializes, is over `limit`.
    case tooManyPerturbationEntries(samples: Int, density: Double, parameters: Int, limit: Int)
    /// Adam-STE keeps every layer's inputs and deltas of a whole batch: `floats` of them
    /// for this batch and architecture, over `limit`.
    case batchActivationsTooLarge(batch: Int, floats: Int, limit: Int)

    /// The setting a person would change to come back inside the limits.
    public var setting: Setting {
        switch self {
        case .outOfRange(let setting, _, _): return setting
        case .tooManyParameters: return .hidden
        case .tooManyPerturbationEntries: return .samples
        case .batchActivationsTooLarge: return .batch
        }
    }
}
