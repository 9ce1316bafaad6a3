extension RunHistory {
    /// The figures of every step a step log holds, rebuilt by replaying it: what a front
    /// end plots for a run it opens.
    ///
    /// Loss, batch accuracy and settings are the records' own; acceptance is each record's
    /// kept signs over its samples; weights changed and sparsity come from the replay;
    /// validation accuracy is scored on `validation` by the run plan's rule (`RunPlan`:
    /// every `evalEvery` steps, and the last step as the target), never when `validation`
    /// is empty. The |α| threshold is not in a log, so it is nil. Deterministic for any
    /// thread count.
    ///
    /// The history keeps only the newest records (`retainedRecords`); `each` sees every
    /// one, in order, as it is made.
    ///
    /// Cost: one replay of the log (regenerating each step's perturbations) plus one
    /// evaluation of `validation` per scored step.
    /// - Throws: a thread count or `evalEvery` outside the rulebook's limits
    ///   (`LimitViolation`), before any worker is made; a `StepLogError` when the log
    ///   cannot be read again.
    public static func replaying(_ log: StepLog, validation: Dataset, evalEvery: Int, threads: Int = 0,
                                 each: (StepRecord) -> Void = { _ in }) throws -> RunHistory {
        let plan = try RunPlan(targetStep: log.lastStep, evalEvery: evalEvery)
        let runner = try BatchRunner.checked(shape: log.shape, threads: threads)
        var history = RunHistory()
        try StepLog.replayEachStep(path: log.file) { entry, model, changed in
            var validationAccuracy: Double?
            if plan.validates(after: entry.step), validation.count > 0 {
                validationAccuracy = Evaluation.confusion(of: model, on: validation, encoding: log.options.input,
                                                          runner: runner).accuracy
            }
            let record = StepRecord(
                step: entry.step, loss: Double(entry.loss), batchAccuracy: Double(entry.batchAccuracy),
                validationAccuracy: validationAccuracy,
                acceptanceRate: UpdateRule.acceptance(kept: UpdateRule.keptCount(entry.keptSigns), samples: entry.samples),
                weightsChanged: changed, sparsity: model.sparsity, settings: entry.settings)
            each(record)
            history.append(record)
        }
        return history
    }
}
