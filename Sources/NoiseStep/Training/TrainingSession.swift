import Dispatch
import Foundation
import Synchronization

/// Runs a `Trainer` on its own serial queue and publishes an immutable `SessionState`
/// after every step and command.
///
/// Steps and commands are separate blocks on one serial queue, so a command waits at most
/// one step and never blocks its caller; the state slot is a `Mutex` that holds the latest
/// value only, so a reader never waits for a step either. The trainer and everything it
/// owns are touched only on the queue.
public final class TrainingSession: Sendable {
    private let queue = DispatchQueue(label: "noisestep.training", qos: .userInitiated)
    private let slot: Mutex<SessionState>
    private let engine: UncheckedBox<SessionEngine>

    /// - Parameters:
    ///   - evalEvery: measure validation accuracy every N steps (0: never).
    ///   - stepLimit: pause after this step number (nil: train until stopped).
    ///   - recorder: called on the queue with each finished step, e.g. to append it to a
    ///     step log; a thrown error pauses training and shows its message.
    ///   - earlierEntries: the log entries of the steps before this session (a resumed run).
    ///   - saver: called on the queue for `.save(path:)` with the trainer and every entry.
    public init(trainer: Trainer, validation: Dataset, evalEvery: Int, stepLimit: Int? = nil,
                earlierEntries: [StepLogEntry] = [],
                recorder: (@Sendable (StepLogEntry) throws -> Void)? = nil,
                saver: (@Sendable (String, Trainer, [StepLogEntry]) throws -> String)? = nil) {
        let engine = SessionEngine(trainer: trainer, validation: validation, evalEvery: evalEvery,
                                   stepLimit: stepLimit, recorder: recorder, saver: saver)
        engine.entries = earlierEntries
        self.engine = UncheckedBox(engine)
        slot = Mutex(engine.state(message: nil))
    }

    /// The latest published state.
    public var state: SessionState { slot.withLock { $0 } }

    /// Begins stepping (unless `stepLimit` is already reached).
    public func start() {
        queue.async { [self] in
            engine.value.isRunning = !engine.value.limitReached
            publish(nil)
            scheduleStep()
        }
    }

    public func send(_ command: TrainingCommand) {
        queue.async { [self] in
            let message = engine.value.apply(command)
            publish(message)
            if command == .stepOnce { runStep() }
            scheduleStep()
        }
    }

    /// Stops stepping after the step in progress; returns at once.
    public func stop() {
        queue.async { [self] in engine.value.isStopped = true }
    }

    /// Blocks until every block queued so far has run (for tests and orderly shutdown).
    public func drain() { queue.sync {} }

    private func scheduleStep() {
        let engine = self.engine.value
        guard engine.isRunning, !engine.isStopped, !engine.stepQueued else { return }
        engine.stepQueued = true
        queue.async { [self] in
            self.engine.value.stepQueued = false
            guard self.engine.value.isRunning, !self.engine.value.isStopped else { return }
            runStep()
            scheduleStep()
        }
    }

    private func runStep() {
        guard !engine.value.isStopped else { return }
        let message = engine.value.step()
        publish(message)
    }

    private func publish(_ message: String?) {
        let state = engine.value.state(message: message)
        slot.withLock { $0 = state }
    }
}

/// The session's queue-confined part: the trainer, the history and the knobs.
private final class SessionEngine {
    let trainer: Trainer
    let validation: Dataset
    let evalEvery: Int
    let stepLimit: Int?
    let recorder: (@Sendable (StepLogEntry) throws -> Void)?
    let saver: (@Sendable (String, Trainer, [StepLogEntry]) throws -> String)?
    var history = RunHistory()
    var entries: [StepLogEntry] = []
    var snapshot: TrainingSnapshot?
    var isRunning = false
    var isStopped = false
    var stepQueued = false
    var lastMessage: String?
    var runningSeconds = 0.0
    /// Finish times of the last steps, for steps/s.
    var recentFinishes: [Double] = []

    init(trainer: Trainer, validation: Dataset, evalEvery: Int, stepLimit: Int?,
         recorder: (@Sendable (StepLogEntry) throws -> Void)?,
         saver: (@Sendable (String, Trainer, [StepLogEntry]) throws -> String)?) {
        self.trainer = trainer
        self.validation = validation
        self.evalEvery = evalEvery
        self.stepLimit = stepLimit
        self.recorder = recorder
        self.saver = saver
    }

    var limitReached: Bool { stepLimit.map { trainer.stepsDone >= $0 } ?? false }

    /// Runs one step; returns a message to show, if any.
    func step() -> String? {
        let started = Self.now()
        var (snapshot, entry) = trainer.step()
        if evalEvery > 0, snapshot.step % evalEvery == 0 || snapshot.step == stepLimit {
            snapshot.validationAccuracy = trainer.accuracy(on: validation)
        }
        self.snapshot = snapshot
        history.append(StepRecord(snapshot))
        entries.append(entry)
        let finished = Self.now()
        runningSeconds += finished - started
        recentFinishes.append(finished)
        if recentFinishes.count > 32 { recentFinishes.removeFirst() }
        var message: String?
        do {
            try recorder?(entry)
        } catch {
            isRunning = false
            message = "paused: \(error)"
        }
        if limitReached, isRunning {
            isRunning = false
            message = "reached step \(trainer.stepsDone): paused (n steps on, space resumes)"
        }
        return message
    }

    /// Applies a command; returns a message to show, if any.
    func apply(_ command: TrainingCommand) -> String? {
        switch command {
        case .pause: isRunning = false
        case .resume: isRunning = true
        case .togglePause: isRunning.toggle()
        case .stepOnce: isRunning = false
        case .setRejectQuantile(let value): trainer.rejectQuantile = min(max(value, 0), 0.95)
        case .setDensity(let value): trainer.density = min(max(value, 1e-9), 0.5)
        case .setSamples(let value): trainer.samples = min(max(value, 1), 65_536)
        case .setSchedule(let value): trainer.schedule = value
        case .save(let path):
            guard let saver else { return "saving is not available in this session" }
            do {
                return try saver(path, trainer, entries)
            } catch {
                return "save failed: \(error)"
            }
        }
        recentFinishes.removeAll()
        return nil
    }

    func state(message: String?) -> SessionState {
        if let message { lastMessage = message }
        var rate = 0.0
        if isRunning, recentFinishes.count >= 2, let first = recentFinishes.first, let last = recentFinishes.last, last > first {
            rate = Double(recentFinishes.count - 1) / (last - first)
        }
        return SessionState(snapshot: snapshot, history: history, isPaused: !isRunning, density: trainer.density,
                            samples: trainer.samples, rejectQuantile: trainer.rejectQuantile, schedule: trainer.schedule,
                            model: trainer.model, input: trainer.options.input, message: lastMessage,
                            stepsPerSecond: rate, elapsedSeconds: runningSeconds)
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
