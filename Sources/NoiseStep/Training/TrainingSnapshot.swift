/// An immutable record of one finished training step: everything a person watching
/// the run wants to see. Produced by the engine after each step; safe to hand to
/// any thread.
public struct TrainingSnapshot: Sendable, Equatable {
    /// Steps completed so far (1 after the first step).
    public var step: Int
    /// Mean softmax cross-entropy over the step's batch, before the update.
    public var loss: Double
    /// Fraction of the step's batch classified correctly, before the update.
    public var batchAccuracy: Double
    /// Validation accuracy, present on steps where it was measured.
    public var validationAccuracy: Double?
    /// Perturbations whose alignment sign was kept.
    public var kept: Int
    /// Perturbations drawn this step.
    public var samples: Int
    /// Nonzero entries over all of the step's perturbations.
    public var perturbedEntries: Int
    /// Parameters whose value changed in the update.
    public var weightsChanged: Int
    /// Per-layer zero counts after the update.
    public var layers: [LayerStats]
    /// Density, quantile and schedule used by this step.
    public var density: Double
    public var rejectQuantile: Double
    public var schedule: DensitySchedule
    public var alignment: AlignmentEngine
    public var seed: UInt64
    /// Wall time of this step in seconds.
    public var stepSeconds: Double
    /// How the step's |α| spread around the keep threshold; nil where a trainer has none
    /// (Adam-STE).
    public var alignmentSpread: AlignmentSpread?

    /// kept / samples, in [0, 1].
    public var acceptanceRate: Double { UpdateRule.acceptance(kept: kept, samples: samples) }
    /// Fraction of all parameters that are 0, in [0, 1].
    public var sparsity: Double { LayerStats.sparsity(of: layers) }

    public init(step: Int, loss: Double, batchAccuracy: Double, validationAccuracy: Double? = nil,
                kept: Int, samples: Int, perturbedEntries: Int, weightsChanged: Int,
                layers: [LayerStats], density: Double, rejectQuantile: Double,
                schedule: DensitySchedule, alignment: AlignmentEngine, seed: UInt64,
                stepSeconds: Double, alignmentSpread: AlignmentSpread? = nil) {
        self.step = step
        self.loss = loss
        self.batchAccuracy = batchAccuracy
        self.validationAccuracy = validationAccuracy
        self.kept = kept
        self.samples = samples
        self.perturbedEntries = perturbedEntries
        self.weightsChanged = weightsChanged
        self.layers = layers
        self.density = density
        self.rejectQuantile = rejectQuantile
        self.schedule = schedule
        self.alignment = alignment
        self.seed = seed
        self.stepSeconds = stepSeconds
        self.alignmentSpread = alignmentSpread
    }
}
