extension MetricsLog {
    /// Writes the lines this file misses for steps that `log` (the run's step log) holds:
    /// those after the file's last line, up to the log's last step, so that a continued
    /// file has no gap. Rebuilt by replaying the log: loss, batch accuracy and settings
    /// are the records' own; kept signs, perturbation entries, weights changed and
    /// sparsity come from the replay; validation accuracy is scored on `validation` where
    /// `plan` scores a step; the step time is not known (null). Steps before the log's
    /// first record (a model file's base) cannot be rebuilt and stay missing.
    ///
    /// Cost: one replay of the log plus one evaluation per scored step of the gap;
    /// nothing when the file is not behind.
    /// - Returns: the steps written, nil when none were missing or none could be rebuilt.
    /// - Throws: a thread count outside the rulebook, what reading the log again finds,
    ///   or the first write that fails (lines written before it stay, whole).
    public func fillGap(from log: StepLog, validation: Dataset, plan: RunPlan, threads: Int) throws -> ClosedRange<Int>? {
        let first = max(lastStep, log.startStep) + 1
        guard first <= log.lastStep else { return nil }
        let runner = try BatchRunner.checked(shape: log.shape, threads: threads)
        var failure: MetricsError?
        try StepLog.replayEachStep(path: log.file) { step in
            let entry = step.entry
            guard entry.step >= first, entry.step <= log.lastStep, failure == nil else { return }
            var snapshot = Self.snapshot(entry, model: step.model, changed: step.changed, options: log.options)
            if plan.validates(after: entry.step), validation.count > 0 {
                snapshot.validationAccuracy = Evaluation.confusion(of: step.model, on: validation,
                                                                   encoding: log.options.input, runner: runner).accuracy
            }
            do throws(MetricsError) { try append(snapshot) } catch { failure = error }
        }
        if let failure { throw failure }
        return first ... log.lastStep
    }

    /// The figures of a replayed step, as its run published them (without the time).
    private static func snapshot(_ entry: StepLogEntry, model: TernaryModel, changed: Int,
                                 options: TrainingOptions) -> TrainingSnapshot {
        let entries = entry.perturbations(seed: options.seed, parameterCount: model.shape.parameterCount)
            .reduce(0) { $0 + $1.positions.count }
        return TrainingSnapshot(step: entry.step, loss: Double(entry.loss), batchAccuracy: Double(entry.batchAccuracy),
                                kept: UpdateRule.keptCount(entry.keptSigns), samples: entry.samples,
                                perturbedEntries: entries, weightsChanged: changed, layers: model.layerStats,
                                density: entry.density, rejectQuantile: entry.rejectQuantile, schedule: entry.schedule,
                                alignment: options.alignment, seed: options.seed, stepSeconds: .nan)
    }
}
