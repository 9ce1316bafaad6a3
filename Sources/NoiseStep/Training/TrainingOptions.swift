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
    /// Examples per step, drawn with replacement from the training set.
    public var batch: Int = 1024
    /// Perturbations drawn per step. Once the paper's schedule has lowered the density
    /// (after about 20 steps) a perturbation has about one nonzero entry, so this is about
    /// how many parameters a step probes, and about half of them move. The paper's 128
    /// starve the run: in 1500 steps 512 reach 95.2% on the bundled split against 94.2%,
    /// and 95.4% against 91.8% on another fold, for about 18% more time per step (one
    /// backward pass serves every α). 1024 learn less on both and lose a point on
    /// Fashion-MNIST: more moves per step raise the noise they end in.
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

    public init() {}

    /// The paper's setup: 128 perturbations, binarized inputs, plain softmax, no augmentation.
    public static var paper: TrainingOptions {
        var options = TrainingOptions()
        options.samples = 128
        options.input = .binary
        options.temperature = 1
        options.augmentation = .none
        return options
    }
}
