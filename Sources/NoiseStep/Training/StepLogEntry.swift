/// Everything needed to redo one step's weight update exactly: with the run's seed and
/// the step number, the perturbations regenerate, and the kept signs say which way each
/// one moved the weights. This is what the step log stores per step.
public struct StepLogEntry: Sendable, Equatable {
    /// 1 for the first step.
    public var step: Int
    /// The settings the step used; `settings.schedule` is the schedule in force after
    /// the step, which with the density and `loss` gives the next step's density
    /// (`nextDensity`).
    public var settings: StepSettings
    /// α_τ of each perturbation, in {−1, 0, +1}; count == settings.samples.
    public var keptSigns: [Int8]
    /// The step's batch loss and accuracy, kept for reporting.
    public var loss: Float
    public var batchAccuracy: Float

    public init(step: Int, settings: StepSettings, keptSigns: [Int8], loss: Float, batchAccuracy: Float) {
        self.step = step
        self.settings = settings
        self.keptSigns = keptSigns
        self.loss = loss
        self.batchAccuracy = batchAccuracy
    }

    public var density: Double { settings.density }
    public var samples: Int { settings.samples }
    public var rejectQuantile: Double { settings.rejectQuantile }
    public var schedule: DensitySchedule { settings.schedule }

    /// The density of the step after this one. The schedule reads the loss as stored
    /// (Float32), so a resumed run makes the same decision as the original one.
    public var nextDensity: Double { schedule.density(after: density, loss: Double(loss)) }

    /// The step's perturbations, regenerated from their keys.
    public func perturbations(seed: UInt64, parameterCount: Int) -> [Perturbation] {
        (0 ..< samples).map {
            Perturbation(seed: seed, step: step, index: $0, density: density, parameterCount: parameterCount)
        }
    }

    /// The perturbations whose sign was kept (not 0), regenerated, with those signs: all
    /// that moves the weights, so a replay draws only these (about half of them).
    public func keptPerturbations(seed: UInt64, parameterCount: Int) -> (perturbations: [Perturbation], signs: [Int8]) {
        let kept = keptSigns.indices.filter { keptSigns[$0] != 0 }
        let perturbations = kept.map {
            Perturbation(seed: seed, step: step, index: $0, density: density, parameterCount: parameterCount)
        }
        return (perturbations, kept.map { keptSigns[$0] })
    }

    /// Redoes this step's update on `model`.
    /// - Returns: how many parameters changed.
    @discardableResult
    public func replay(seed: UInt64, on model: inout TernaryModel) -> Int {
        let kept = keptPerturbations(seed: seed, parameterCount: model.shape.parameterCount)
        return UpdateRule.apply(kept.perturbations, keptSigns: kept.signs, to: &model)
    }
}
