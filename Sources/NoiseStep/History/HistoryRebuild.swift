/// Rebuilds a run's figures as a replay visits its steps (`visit`, the visitor of
/// `StepLog.replayEachStep` and of a verifying read), so a front end that opens a
/// recorded run replays it once for both its weights and its figures.
///
/// Loss, batch accuracy and settings are the records' own; acceptance is each record's
/// kept signs over its samples; weights changed and sparsity come from the replay;
/// validation accuracy is scored on `validation` by the run plan's rule (`RunPlan`: every
/// `evalEvery` steps while replaying, and the last step, the target, in `finish`), never
/// when `validation` is empty. The |α| threshold is not in a log, so it is nil.
/// Deterministic for any thread count.
///
/// The history keeps only the newest records (`RunHistory.retainedRecords`); `each` sees
/// every one, in order, as it is made.
public final class HistoryRebuild {
    private let threads: Int
    /// Made for the shape of the first model visited.
    private var runner: BatchRunner?
    private let input: InputEncoding
    private let validation: Dataset
    /// The interval part of the rule; the last step is scored in `finish`.
    private let plan: RunPlan
    private var history = RunHistory()
    /// The last step visited, held back until the next one shows it was not the last.
    private var latest: StepRecord?
    private let each: (StepRecord) -> Void

    /// - Parameter input: how the run encodes its input (its options' `input`).
    /// - Throws: a thread count or `evalEvery` outside the rulebook's limits, before any
    ///   worker is made.
    public init(input: InputEncoding, validation: Dataset, evalEvery: Int, threads: Int = 0,
                each: @escaping (StepRecord) -> Void = { _ in }) throws(LimitViolation) {
        try Limits.check(.threads, threads)
        self.threads = threads
        self.input = input
        self.validation = validation
        self.each = each
        plan = try RunPlan(targetStep: 0, evalEvery: evalEvery)  // no step is 0: the interval alone
    }

    /// Adds the figures of a replayed step.
    public func visit(_ step: ReplayedStep) {
        if let latest { keep(latest) }
        let entry = step.entry
        var record = StepRecord(
            step: entry.step, loss: Double(entry.loss), batchAccuracy: Double(entry.batchAccuracy),
            acceptanceRate: UpdateRule.acceptance(kept: UpdateRule.keptCount(entry.keptSigns), samples: entry.samples),
            weightsChanged: step.changed, sparsity: Double(step.zeros) / Double(step.model.shape.parameterCount),
            settings: entry.settings)
        if plan.validates(after: entry.step) { record.validationAccuracy = score(step.model) }
        latest = record
    }

    /// The history, its last step scored with `model` (the weights after it) when the
    /// interval did not score it already.
    public func finish(model: TernaryModel) -> RunHistory {
        if var last = latest {
            if last.validationAccuracy == nil { last.validationAccuracy = score(model) }
            keep(last)
            latest = nil
        }
        return history
    }

    private func keep(_ record: StepRecord) {
        each(record)
        history.append(record)
    }

    private func score(_ model: TernaryModel) -> Double? {
        guard validation.count > 0 else { return nil }
        if runner?.shape != model.shape { runner = BatchRunner(shape: model.shape, threads: threads) }
        return runner.map { Evaluation.confusion(of: model, on: validation, encoding: input, runner: $0).accuracy }
    }
}
