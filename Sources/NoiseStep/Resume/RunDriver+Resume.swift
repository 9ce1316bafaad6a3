extension RunDriver where Model == Trainer {
    /// The run in the step log at `path`, continued on `training` so that its next step is
    /// exactly the one an uninterrupted run would take, recording on into the log (and
    /// into the run's own metrics file at `metrics`, whose lines after the log's last step
    /// go, and whose missing lines before it are rebuilt from the log: `MetricsLog.fillGap`).
    ///
    /// The target is `steps` in all, and never below the step the log has reached (a run
    /// at its target has nothing to train); validation as `evalEvery` says (`RunPlan`).
    /// - Parameters:
    ///   - visit: sees each step as the log is replayed (`HistoryRebuild.visit`, so a front
    ///     end gets the run's figures from the same replay).
    ///   - progress: called now and then with the bytes of the log read so far and its size.
    /// - Throws: `StepLogError` (missing, locked, damaged, other training data),
    ///   `LimitViolation` (threads, steps), `MetricsError` (another run's file, say).
    public static func resuming(_ path: String, training: Dataset, validation: Dataset, threads: Int, steps: Int,
                                evalEvery: Int, sharing: StepSharing = .single, metrics: String? = nil,
                                visit: @escaping (ReplayedStep) -> Void = { _ in },
                                progress: (Int, Int) -> Void = { _, _ in }) throws -> ResumedRun {
        let (writer, log) = try StepLogWriter.resume(path: path, trainingData: DataFingerprint(training), visit: visit,
                                                     progress: progress)
        let trainer = try Trainer(resuming: log, training: training, threads: threads, sharing: sharing)
        let plan = try RunPlan(targetStep: max(steps, trainer.stepsDone), evalEvery: evalEvery)
        let metricsLog = try metrics.map { path throws(MetricsError) in
            try MetricsLog(continuing: path, afterStep: trainer.stepsDone, run: log.run)
        }
        let metricsEnded = metricsLog?.lastStep
        let filled = try metricsLog?.fillGap(from: log, validation: validation, plan: plan, threads: threads)
        let driver = RunDriver(trainer: trainer, validation: validation, plan: plan, log: writer, metrics: metricsLog)
        return ResumedRun(driver: driver, log: log, metricsEnded: metricsEnded, metricsFilled: filled)
    }
}
