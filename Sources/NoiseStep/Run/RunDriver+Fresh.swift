extension RunDriver where Model == Trainer {
    /// A fresh noise_step run, the one way every front end starts one: the options are
    /// checked, the trainer made from `options.seed`, then the step log is created, then
    /// the metrics file, so that a refusal comes before anything after it is created.
    /// - Parameters:
    ///   - log: creates the run's step log from its options and the fingerprint of
    ///     `training` (nil: the run is not recorded), e.g. `StepLogWriter(creating:…)`.
    ///   - metrics: a new metrics file, and whether one already there may be replaced.
    ///   - sharing: the processes the steps are shared with (`.single`: none).
    /// - Throws: the `LimitViolation`, `StepLogError` or `MetricsError` that refused it.
    public static func fresh(options: TrainingOptions, training: Dataset, validation: Dataset, plan: RunPlan,
                             sharing: StepSharing = .single,
                             log: (TrainingOptions, DataFingerprint) throws -> StepLogWriter? = { _, _ in nil },
                             metrics: (path: String, existing: ExistingFile)? = nil) throws -> RunDriver<Trainer> {
        let trainer = try Trainer(options: options, training: training, sharing: sharing)
        let fingerprint = DataFingerprint(training)
        let writer = try log(options, fingerprint)
        let run = try RunIdentity(optimizer: .noiseStep, options: options, dataFingerprint: fingerprint)
        let metricsLog = try metrics.map { metrics throws(MetricsError) in
            try MetricsLog(creating: metrics.path, run: run, existing: metrics.existing)
        }
        return RunDriver(trainer: trainer, validation: validation, plan: plan, log: writer, metrics: metricsLog)
    }
}
