/// The named models of `--arch`: the MLP of `hidden` widths (the default), or a small
/// convolutional net spelled as a layer list. Each comes with the training options and
/// the length of run that suit it (measured by `bench --learning`; README "Choosing a
/// model").
public enum ModelPreset: String, CaseIterable, Sendable {
    case mlp
    case conv

    /// The conv preset: two 5 × 5 convolutions, each max-pooled 2 × 2 before its layer norm
    /// and ReLU, then a dense hidden layer (80,202 parameters, 1.1 M multiply-adds an image).
    public static let convSpec = "conv 16 5, pool 2, conv 32 5, pool 2, dense 128, dense 10"

    /// The preset's layers; nil for the MLP, whose widths come from `hidden`.
    public var layers: [any LayerKind]? {
        switch self {
        case .mlp: nil
        case .conv: try? LayerKinds.parse(Self.convSpec)
        }
    }

    /// The options a run of this model starts from, before any option the user gives.
    ///
    /// The conv net has 80 k weights against the MLP's 270 k, and each one moves more of
    /// the loss, so it wants many more, sparser probes and only the surest of their signs:
    /// 8,192 perturbations of about one nonzero entry each, the reject quantile ramping
    /// from 0.95 to 0.995, and the batch growing from 512 to 2,048 as the signs that are
    /// left to find get fainter. A quarter of its training images are drawn again as on
    /// the pad, which it then reads about three points better (and unseen digits no worse).
    public var trainingOptions: TrainingOptions {
        var options = TrainingOptions()
        guard let layers else { return options }
        options.use(layers: layers)
        options.samples = 8192
        options.density = 1.25e-5
        options.schedule = .fixed
        options.rejectQuantile = 0.95
        options.ramp = Ramp(steps: targetStep, quantileTo: 0.995, batchFrom: 512)
        options.augmentation.redraw = 0.25
        return options
    }

    /// The preset whose model `options` train: the conv preset for its layer list, else
    /// the MLP (whose length of run any other list shares).
    public init(naming options: TrainingOptions) {
        self = options.layers?.spec == Self.convSpec ? .conv : .mlp
    }

    /// How far `train` and the dashboard go unless `--steps` says.
    public var targetStep: Int {
        switch self {
        case .mlp: RunPlan.defaultTargetStep
        case .conv: 1500
        }
    }
}
