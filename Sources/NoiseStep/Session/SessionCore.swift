import Dispatch

/// The queue-confined part of a `TrainingSession`: the driver, the history, whether
/// training runs, and the latest event.
final class SessionCore {
    let driver: RunDriver<Trainer>
    /// Steps `resume` adds at the target.
    let leg: Int
    var history: RunHistory
    var snapshot: TrainingSnapshot?
    var isRunning = false
    private(set) var isStopped = false
    /// A step block is already on the queue.
    private var stepQueued = false
    private var event: SessionEvent?
    private var eventNumber = 0
    /// Why the step log (or metrics file) lacks something trained; nil once a write
    /// succeeds again.
    private var recordingError: RunError?
    /// The most steps a second (nil: no limit), and when the last step started.
    private(set) var pace: Double?
    private var lastStepStart = -Double.infinity
    private var runningSeconds = 0.0
    /// Finish times of the last steps, for steps/s.
    private var recentFinishes: [Double] = []
    /// The validation split by class, and the step it was measured after.
    private var confusion: ConfusionMatrix?
    private var confusionStep = 0

    init(driver: RunDriver<Trainer>, history: RunHistory, leg: Int, pace: Double? = nil) {
        self.driver = driver
        self.history = history
        self.leg = max(1, leg)
        self.pace = pace.flatMap { $0 > 0 ? $0 : nil }
        if !history.isEmpty { measureConfusion() }
    }

    /// Scores the validation split by class with the current weights.
    private func measureConfusion() {
        guard driver.validation.count > 0 else { return }
        confusion = driver.trainer.confusion(on: driver.validation)
        confusionStep = driver.stepsDone
    }

    /// Ends training for good: the log gets the final weights and is synced.
    func stop() {
        isStopped = true
        isRunning = false
        do throws(RunError) {
            try driver.finish()
            recordingError = nil
        } catch {
            handle(error)
        }
    }

    func start() {
        isRunning = !driver.isAtTarget
        if !isRunning { report(.reachedTarget(step: driver.stepsDone)) }
    }

    /// Whether a step should be queued now; if so, marks one as queued.
    func claimNextStep() -> Bool {
        guard isRunning, !isStopped, !stepQueued else { return false }
        stepQueued = true
        return true
    }

    /// Seconds to wait before the next step so the pace holds (0: none).
    func delayBeforeNextStep() -> Double {
        guard let pace else { return 0 }
        return max(0, lastStepStart + 1 / pace - Self.now())
    }

    /// Runs the queued step unless training stopped meanwhile; returns whether it ran.
    func runClaimedStep() -> Bool {
        stepQueued = false
        guard isRunning, !isStopped else { return false }
        runStep()
        return true
    }

    private func runStep() {
        let started = Self.now()
        lastStepStart = started
        do throws(RunError) {
            snapshot = try driver.step()
            recordingError = nil
        } catch {
            // The step may be trained but not recorded, or refused: pause until a person acts.
            snapshot = driver.lastSnapshot ?? snapshot
            isRunning = false
            handle(error)
        }
        if let snapshot, snapshot.step > (history.last?.step ?? 0) {
            history.append(StepRecord(snapshot))
            // The driver's validation pass counted by class already.
            if snapshot.validationAccuracy != nil, let scored = driver.lastConfusion {
                (confusion, confusionStep) = (scored, snapshot.step)
            }
        }
        let finished = Self.now()
        runningSeconds += finished - started
        recentFinishes.append(finished)
        if recentFinishes.count > 32 { recentFinishes.removeFirst() }
        if driver.isAtTarget, isRunning {
            isRunning = false
            report(.reachedTarget(step: driver.stepsDone))
        }
    }

    func apply(_ command: TrainingCommand) {
        switch command {
        case .pause: isRunning = false
        case .resume: resume()
        case .togglePause: isRunning ? (isRunning = false) : resume()
        case .stepOnce:
            isRunning = false
            runStep()
        case .change(let settings):
            do throws(LimitViolation) { try driver.change(settings) } catch { report(.refused(error)) }
        case .extendTarget(let steps):
            do throws(LimitViolation) { try driver.extendTarget(by: steps) } catch { report(.refused(error)) }
        case .save:
            save()
        case .pace(let stepsPerSecond):
            pace = stepsPerSecond.flatMap { $0 > 0 ? $0 : nil }
        }
        recentFinishes.removeAll()
    }

    /// Runs on; at the target, first moves it one leg further.
    private func resume() {
        if driver.isAtTarget {
            do throws(LimitViolation) {
                try driver.extendTarget(by: leg)
            } catch {
                return report(.refused(error))
            }
        }
        isRunning = true
    }

    private func save() {
        guard let path = driver.log?.path else { return report(.notRecording) }
        do throws(RunError) {
            try driver.checkpoint()
            recordingError = nil
            report(.saved(path: path, step: driver.stepsDone))
        } catch {
            handle(error)
        }
    }

    /// Reports what stopped the driver: a write that failed, or a step the rulebook refused.
    private func handle(_ error: RunError) {
        switch error {
        case .recording, .metrics:
            recordingError = error
            report(.recordingFailed(error))
        case .refused(let violation):
            report(.refused(violation))
        }
    }

    private func report(_ event: SessionEvent) {
        self.event = event
        eventNumber += 1
    }

    func state() -> SessionState {
        var rate = 0.0
        if isRunning, recentFinishes.count >= 2, let first = recentFinishes.first, let last = recentFinishes.last,
           last > first {
            rate = Double(recentFinishes.count - 1) / (last - first)
        }
        let trainer = driver.trainer
        var state = SessionState(snapshot: snapshot, history: history, isPaused: !isRunning, settings: trainer.settings,
                                 targetStep: driver.plan.targetStep, stepsDone: trainer.stepsDone, model: trainer.model,
                                 input: trainer.options.input, temperature: trainer.options.temperature,
                                 recordingPath: driver.log?.path, event: event, eventNumber: eventNumber,
                                 stepsPerSecond: rate, elapsedSeconds: runningSeconds, confusion: confusion,
                                 confusionStep: confusionStep, recordingError: recordingError)
        state.pace = pace
        return state
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
