extension RunDriver where Model == Trainer {
    /// The run in the step log at `path`, continued on `training` so that its next step is
    /// exactly the one an uninterrupted run would take, recording on into the log (and
    /// into the metrics file at `metrics`, whose lines after the log's last step go).
    ///
    /// The target is `steps` in all, and never below the step the log has reached (a run
    /// at its target has nothing to train); validation as `evalEvery` says (`RunPlan`).
    /// - Throws: `StepLogError` (missing, locked, damaged, other training data),
    ///   `LimitViolation` (threads, steps), `MetricsError`.
    public static func resuming(_ path: String, training: Dataset, validation: Dataset, threads: Int, steps: Int,
                                evalEvery: Int, sharing: StepSharing = .single,
                                metrics: String? = nil) throws -> ResumedRun {
        let (writer, log) = try StepLogWriter.resume(path: path, trainingData: DataFingerprint(training))
        let trainer = try Trainer(resuming: log, training: training, threads: threads, sharing: sharing)
        let plan = try RunPlan(targetStep: max(steps, trainer.stepsDone), evalEvery: evalEvery)
        let metricsLog = try metrics.map { path throws(MetricsError) in
            try MetricsLog(continuing: path, afterStep: trainer.stepsDone)
        }
        let driver = RunDriver(trainer: trainer, validation: validation, plan: plan, log: writer, metrics: metricsLog)
        return ResumedRun(driver: driver, log: log)
    }
}
