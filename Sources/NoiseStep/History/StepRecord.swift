/// The per-step figures kept for a whole run, for plotting.
public struct StepRecord: Sendable, Equatable {
    public var step: Int
    public var loss: Double
    public var batchAccuracy: Double
    /// Present on the steps where validation ran.
    public var validationAccuracy: Double?
    /// kept / samples, in [0, 1].
    public var acceptanceRate: Double
    public var weightsChanged: Int
    /// Fraction of all parameters that are 0, in [0, 1].
    public var sparsity: Double
    /// The settings the step used.
    public var settings: StepSettings
    /// The |α| a perturbation had to reach to be kept; nil where not known (a step
    /// replayed from a log, which does not store it).
    public var alignmentThreshold: Double?

    public init(_ snapshot: TrainingSnapshot) {
        step = snapshot.step
        loss = snapshot.loss
        batchAccuracy = snapshot.batchAccuracy
        validationAccuracy = snapshot.validationAccuracy
        acceptanceRate = snapshot.acceptanceRate
        weightsChanged = snapshot.weightsChanged
        sparsity = snapshot.sparsity
        settings = StepSettings(density: snapshot.density, samples: snapshot.samples,
                                rejectQuantile: snapshot.rejectQuantile, schedule: snapshot.schedule)
        alignmentThreshold = snapshot.alignmentSpread?.threshold
    }

    public init(step: Int, loss: Double, batchAccuracy: Double, validationAccuracy: Double? = nil,
                acceptanceRate: Double, weightsChanged: Int, sparsity: Double,
                settings: StepSettings = StepSettings(TrainingOptions()), alignmentThreshold: Double? = nil) {
        self.step = step
        self.loss = loss
        self.batchAccuracy = batchAccuracy
        self.validationAccuracy = validationAccuracy
        self.acceptanceRate = acceptanceRate
        self.weightsChanged = weightsChanged
        self.sparsity = sparsity
        self.settings = settings
        self.alignmentThreshold = alignmentThreshold
    }
}
