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
    /// Augmentation: the share of images redrawn as on the pad.
    case redraw
    case threads
    /// The step a run trains to.
    case steps
    /// Steps between two validations.
    case evalEvery
    /// Adam-STE's learning rate.
    case learningRate
    /// The fold of the bundled subset held out for validation.
    case holdoutFold
    /// A live front end's redraws per second.
    case framesPerSecond
    /// The keep rule's reliability floor, in standard errors.
    case keepFloor
    /// Steps over which the run's ramps move.
    case rampSteps
    /// The reject quantile the ramp ends at.
    case quantileTo
    /// The batch the ramp starts from (at most the run's batch).
    case batchFrom
}
