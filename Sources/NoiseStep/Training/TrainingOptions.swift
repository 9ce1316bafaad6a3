/// Everything that defines a noise_step run. Two runs with equal options give
/// bit-identical weights and metrics, whatever the thread count.
public struct TrainingOptions: Sendable, Equatable, Codable {
    /// Hidden layer widths; the model is the MLP 784 → hidden… → 10. Empty when `layers`
    /// gives the model.
    public var hidden: [Int] = [256, 256]
    /// Any other model: its whole list of layers, from the image to the 10 logits
    /// (`--layers`); nil for the MLP of `hidden`, so that an MLP's options, and the header
    /// of its step log, stay what they were before layer lists.
    public var layers: LayerList?
    /// Grey inputs learn faster and read drawn digits better than the paper's binarized ones.
    public var input: InputEncoding = .gray
    /// Examples per step, drawn with replacement from the training set (at the end of a
    /// batch ramp). The batch is what makes each kept sign reliable: the standard error of
    /// every α falls as 1/√batch.
    public var batch: Int = 2048
    /// Perturbations drawn per step. Once the paper's schedule has lowered the density
    /// (after about 20 steps) a perturbation has about one nonzero entry, so this is about
    /// how many parameters a step probes. The paper's 128 starve the run; in reverse mode
    /// one backward pass serves every α, so more cost little, but more moves per step raise
    /// the noise a run ends in (the README's learning section has the figures).
    public var samples: Int = 512
    /// Probability that a parameter is nonzero in one perturbation, in (0, 1).
    public var density: Double = 6e-5
    public var schedule: DensitySchedule = .paper
    /// Perturbations whose |α| is below this quantile of the step's |α| are rejected; in [0, 1).
    public var rejectQuantile: Double = 0.5
    public var alignment: AlignmentEngine = .reverse
    /// Seeds both the initial weights and every random draw of the run.
    public var seed: UInt64 = 0
    /// Worker threads for the kernels; results do not depend on it.
    public var threads: Int = 0
    /// Random distortions of the training images; the default keeps the model from
    /// overfitting the small bundled set and helps it read drawn digits.
    public var augmentation: Augmentation = .standard
    /// The loss is the cross-entropy of softmax(logits / temperature). Ternary logits are
    /// integers with a wide range; a temperature above 1 keeps the loss from saturating
    /// on the examples it already gets right, which overfits less.
    public var temperature: Double = 8
    /// What the first step ranks perturbations by (later steps: `StepSettings.keepBy`). A
    /// weight moves one notch whatever |α| is, so the surest signs are worth more than the
    /// largest.
    public var keepBy: KeepRanking = .reliability
    /// Keep only signs whose α lies at least this many standard errors from 0; 0: no floor.
    public var keepFloor: Double = 0
    /// Settings that move over the first steps of the run: by default the quantile, from
    /// `rejectQuantile` (half the perturbations kept while the model is far off) to 0.95
    /// (a few of the surest signs near the end, when most moves only add noise).
    public var ramp: Ramp? = Ramp(steps: RunPlan.defaultTargetStep, quantileTo: 0.95)

    public init() {}

    /// The paper's setup: 128 perturbations, binarized inputs, plain softmax, no
    /// augmentation, the stronger half of |α| kept at every step.
    public static var paper: TrainingOptions {
        var options = TrainingOptions()
        options.samples = 128
        options.input = .binary
        options.temperature = 1
        options.augmentation = .none
        options.keepBy = .magnitude
        options.keepFloor = 0
        options.ramp = nil
        return options
    }
}

extension TrainingOptions {
    /// Examples of step `step`: `batch`, or on a batch ramp the ramp's value rounded to a
    /// whole number (`ramp.batchFrom` at step 1, `batch` from the ramp's last step on).
    public func batchSize(atStep step: Int) -> Int {
        guard let ramp, let from = ramp.batchFrom else { return batch }
        return min(batch, max(1, Int(ramp.value(from: Double(from), to: Double(batch), atStep: step).rounded())))
    }
}
