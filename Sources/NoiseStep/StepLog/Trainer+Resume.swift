extension Trainer {
    /// A trainer that continues the run recorded in `log`, so that its next step is exactly
    /// the one an uninterrupted run would take: the latest weights, the step count, the
    /// density the schedule chose after the last step, and the samples, quantile and
    /// schedule in force then (including changes made from the dashboard).
    /// - Parameter threads: worker threads; results do not depend on it.
    public convenience init(resuming log: StepLog, training: Dataset, threads: Int) {
        var options = log.options
        options.threads = threads
        self.init(options: options, training: training, model: log.latestModel, stepsDone: log.lastStep,
                  density: log.entries.last?.nextDensity ?? options.density)
        if let last = log.entries.last {
            samples = last.samples
            rejectQuantile = last.rejectQuantile
            schedule = last.schedule
        }
    }
}
