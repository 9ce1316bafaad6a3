/// A setting of a run: what a limit applies to. Each front end words it its own way (a
/// command-line option, a key, a field of a step log's header); the raw value is the
/// setting's key in `TrainingOptions`' JSON where it has one.
public enum Setting: String, Sendable, CaseIterable {
    /// The width of one hidden layer.
    case hidden
    /// How many hidden layers.
    case hiddenLayers
    case batch
    case samples
    case density
    case rejectQuantile
    case temperature
    /// Augmentation: largest shift (pixels), rotation (degrees) and change of size (fraction).
    case shift
    case rotation
    case scale
    case threads
    /// The step a run trains to.
    case steps
    /// Steps between two validations.
    case evalEvery
    /// Adam-STE's learning rate.
    case learningRate
    /// The fold of the bundled subset held out for validation.
    case holdoutFold
    /// The keep rule's reliability floor, in standard errors.
    case keepFloor
    /// Steps over which the run's ramps move.
    case rampSteps
    /// The reject quantile the ramp ends at.
    case quantileTo
    /// The batch the ramp starts from (at most the run's batch).
    case batchFrom
}

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
