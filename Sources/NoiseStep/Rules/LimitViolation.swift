/// A run asked for more than the rulebook (`Limits`) allows. Carries the values, never
/// words: the command line and the dashboard say it in their own terms.
public enum LimitViolation: Error, Sendable, Equatable {
    /// One setting outside its range.
    case outOfRange(Setting, value: Double, allowed: LimitRange)
    /// Hidden widths, each allowed, whose model has more parameters than `limit`.
    case tooManyParameters(hidden: [Int], parameters: Int, limit: Int)
    /// A list of layers (as `--layers` writes it), each allowed, whose model has more
    /// parameters than `limit`.
    case tooManyLayerParameters(layers: String, parameters: Int, limit: Int)
    /// Layer `layer` (counted from 0, as `--layers` writes it: `spec`) cannot take what the
    /// layer before it (or the image) gives.
    case layerDoesNotFit(layer: Int, spec: String)
    /// The last layer gives `found` values where the model must give one per class.
    case lastLayerOutputs(found: Int, classes: Int)
    /// Both hidden widths and a list of layers: a model is one or the other.
    case hiddenAndLayers
    /// samples × density × parameters: the nonzero entries a step's perturbations are
    /// expected to hold, which the step materializes, is over `limit`.
    case tooManyPerturbationEntries(samples: Int, density: Double, parameters: Int, limit: Int)
    /// Adam-STE keeps every layer's inputs and deltas of a whole batch: `floats` of them
    /// for this batch and architecture, over `limit`.
    case batchActivationsTooLarge(batch: Int, floats: Int, limit: Int)
}
