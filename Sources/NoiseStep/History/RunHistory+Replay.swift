extension RunHistory {
    /// The figures of every step a step log holds, rebuilt by replaying it: what a front
    /// end plots for a run it opens. `HistoryRebuild` says what each figure is, and lets a
    /// front end that replays the log anyway (to resume it) get them from that replay.
    ///
    /// The history keeps only the newest records (`retainedRecords`); `each` sees every
    /// one, in order, as it is made.
    ///
    /// Cost: one replay of the log (regenerating each step's kept perturbations, a batch
    /// of steps at a time on every processor) plus one evaluation of `validation` per
    /// scored step.
    /// - Throws: a thread count or `evalEvery` outside the rulebook's limits
    ///   (`LimitViolation`), before any worker is made; a `StepLogError` when the log
    ///   cannot be read again.
    public static func replaying(_ log: StepLog, validation: Dataset, evalEvery: Int, threads: Int = 0,
                                 each: @escaping (StepRecord) -> Void = { _ in }) throws -> RunHistory {
        let rebuild = try HistoryRebuild(input: log.options.input, validation: validation, evalEvery: evalEvery,
                                         threads: threads, each: each)
        try StepLog.replayEachStep(path: log.file, rebuild.visit)
        return rebuild.finish(model: log.latestModel)
    }
}
