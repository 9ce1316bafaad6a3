/// Runs a training session, the one loop every front end uses: `noisestep train`, the
/// dashboard's `TrainingSession` and the distributed mode.
///
/// Each `step()` trains one step, scores the validation split when the plan says so,
/// appends the step to the step log and its figures to the metrics file. `run` repeats
/// that until the target step; `finish` closes the log with the final weights.
///
/// Not thread-safe: one owner (a serial queue, or the main thread of a headless run)
/// calls it.
public final class RunDriver<Model: RunTrainer> {
    public let trainer: Model
    public let validation: Dataset
    public private(set) var plan: RunPlan
    /// The step log every step is appended to, if any.
    public let log: StepLogWriter?
    /// The metrics file every step's figures are appended to, if any.
    public let metrics: MetricsLog?
    /// The last validation score, if one was taken in this run.
    public private(set) var lastValidation: ValidationScore?
    /// The validation split by class at `lastValidation`'s step: the same pass, kept.
    public private(set) var lastConfusion: ConfusionMatrix?
    /// Steps this driver has run (not counting those before a resume).
    public private(set) var stepsRun = 0
    /// The figures of the last step trained.
    public private(set) var lastSnapshot: TrainingSnapshot?
    /// The step of the last weights section written to the log.
    private var weightsSavedAt: Int?
    /// What the last step could not yet write to the log and the metrics file.
    private var pendingEntry: StepLogEntry?
    private var pendingMetrics: TrainingSnapshot?

    public init(trainer: Model, validation: Dataset, plan: RunPlan, log: StepLogWriter? = nil,
                metrics: MetricsLog? = nil) {
        self.trainer = trainer
        self.validation = validation
        self.plan = plan
        self.log = log
        self.metrics = metrics
    }

    /// The number of the last finished step.
    public var stepsDone: Int { trainer.stepsDone }
    /// Whether the run has reached (or passed) its target step.
    public var isAtTarget: Bool { trainer.stepsDone >= plan.targetStep }

    /// One step: train, score the validation split if the plan says so, record.
    ///
    /// A step whose record could not be written (a full disk, say) is kept and written
    /// first by the next call, before anything else is trained, so the log never skips a
    /// step.
    /// - Throws: `RunError` when the step log or metrics file cannot be written; the
    ///   step is then `lastSnapshot`, trained but not yet recorded. `RunError.refused`
    ///   when the step would pass the last step the rulebook allows (step numbers are
    ///   32-bit); nothing is trained then.
    @discardableResult
    public func step() throws(RunError) -> TrainingSnapshot {
        try recordPending()
        do throws(LimitViolation) {
            try Limits.check(.steps, trainer.stepsDone + 1)
        } catch {
            throw .refused(error)
        }
        var (snapshot, entry) = trainer.trainStep()
        stepsRun += 1
        if plan.validates(after: snapshot.step), validation.count > 0 {
            let confusion = trainer.confusion(on: validation)
            let score = ValidationScore(step: snapshot.step, correct: confusion.correct, total: validation.count)
            (lastValidation, lastConfusion) = (score, confusion)
            snapshot.validationAccuracy = score.accuracy
        }
        lastSnapshot = snapshot
        pendingEntry = log == nil ? nil : entry
        pendingMetrics = metrics == nil ? nil : snapshot
        try recordPending()
        return snapshot
    }

    /// Writes what the last step has not yet written: its metrics line first, so a run
    /// killed between the two writes leaves the metrics one step ahead of the log (which
    /// a resume trims), never behind it (which nothing could fill in).
    private func recordPending() throws(RunError) {
        if let metrics, let snapshot = pendingMetrics {
            do throws(MetricsError) { try metrics.append(snapshot) } catch { throw .metrics(error) }
            pendingMetrics = nil
        }
        if let log, let entry = pendingEntry {
            do throws(StepLogError) { try log.append(entry) } catch { throw .recording(error) }
            pendingEntry = nil
        }
    }

    /// Steps until the target step, handing each step's figures to `observe`.
    public func run(observe: (TrainingSnapshot) -> Void = { _ in }) throws(RunError) {
        while !isAtTarget { observe(try step()) }
    }

    /// Sets the target `steps` past the current step, or past the target if that is further.
    public func extendTarget(by steps: Int) throws(LimitViolation) {
        try plan.continueTarget(from: max(plan.targetStep, trainer.stepsDone), by: steps)
    }

    /// Makes the log complete up to now: appends the weights after the last step (unless
    /// they are there already, or no step ran) and syncs it to the disk.
    public func checkpoint() throws(RunError) {
        try recordPending()
        do throws(StepLogError) {
            if let log, stepsRun > 0, weightsSavedAt != trainer.stepsDone {
                try log.appendWeights(trainer.model, step: trainer.stepsDone)
                weightsSavedAt = trainer.stepsDone
            }
            try log?.sync()
        } catch {
            throw .recording(error)
        }
    }

    /// `checkpoint()`, then closes the metrics file. Call once a run ends, also an
    /// interrupted one.
    public func finish() throws(RunError) {
        defer { metrics?.close() }
        try checkpoint()
    }
}

extension RunDriver where Model == Trainer {
    /// The settings the next step will use.
    public var settings: StepSettings { trainer.settings }

    /// Uses `settings` from the next step on (and records them with it).
    /// - Throws: the limit they break; the run keeps its settings then.
    public func change(_ settings: StepSettings) throws(LimitViolation) {
        try trainer.change(settings)
    }
}
