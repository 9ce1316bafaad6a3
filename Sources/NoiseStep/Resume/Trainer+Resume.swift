extension Trainer {
    /// A trainer that continues the run recorded in `log`, so that its next step is exactly
    /// the one an uninterrupted run would take: the latest weights, the step count, the
    /// density the schedule chose after the last step, and the samples, quantile and
    /// schedule in force then (including changes made from the dashboard), all as
    /// `log.resumeSettings` says. A model file that does not record them (nil) starts a
    /// new leg from the header's settings; the caller should say so.
    /// - Parameters:
    ///   - threads: worker threads; results do not depend on it.
    ///   - sharing: the processes the steps are shared with (`.single`: none).
    /// - Throws: `threads` outside the rulebook's limit (the log's own options were
    ///   checked when it was read).
    public convenience init(resuming log: StepLog, training: Dataset, threads: Int,
                            sharing: StepSharing = .single) throws(LimitViolation) {
        try Limits.check(.threads, threads)
        var options = log.options
        options.threads = threads
        let settings = log.resumeSettings ?? StepSettings(options)
        self.init(options: options, training: training, model: log.latestModel, stepsDone: log.lastStep,
                  settings: settings, sharing: sharing)
    }
}
