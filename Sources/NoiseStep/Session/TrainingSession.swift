import Dispatch
import Synchronization

/// Runs a `RunDriver` on its own serial queue for a live front end, and publishes an
/// immutable `SessionState` after every step and command.
///
/// Steps and commands are separate blocks on one serial queue, so a command waits at most
/// one step and never blocks its caller; the state slot is a `Mutex` that holds the
/// latest value only, so a reader never waits for a step either. The driver is handed
/// over (`sending`) and lives inside a second `Mutex` that only the queue's blocks take.
public final class TrainingSession: Sendable {
    private let queue = DispatchQueue(label: "noisestep.training", qos: .userInitiated)
    private let slot: Mutex<SessionState>
    private let core: Mutex<SessionCore>

    /// - Parameters:
    ///   - driver: the run; its plan's target is where training pauses.
    ///   - history: the figures of the steps before this session (a resumed run).
    ///   - leg: how many steps `resume` adds once the target is reached.
    ///   - pace: the most steps a second to train (nil or 0: as fast as it can).
    public init(driver: sending RunDriver<Trainer>, history: RunHistory = RunHistory(), leg: Int, pace: Double? = nil) {
        let core = SessionCore(driver: driver, history: history, leg: leg, pace: pace)
        slot = Mutex(core.state())
        self.core = Mutex(core)
    }

    /// The latest published state.
    public var state: SessionState { slot.withLock { $0 } }

    /// Begins stepping (unless the target is already reached).
    public func start() { perform { $0.start() } }

    public func send(_ command: TrainingCommand) { perform { $0.apply(command) } }

    /// Stops stepping after the step in progress and completes the step log with the
    /// final weights; returns at once (`drain()` waits for it).
    public func stop() { perform { $0.stop() } }

    /// Blocks until every block queued so far has run (for tests and orderly shutdown).
    public func drain() { queue.sync {} }

    /// Runs `change` on the queue, publishes the state, and keeps stepping if running.
    private func perform(_ change: @escaping @Sendable (SessionCore) -> Void) {
        queue.async { [self] in
            let state = core.withLock { core in
                change(core)
                return core.state()
            }
            slot.withLock { $0 = state }
            scheduleStep()
        }
    }

    /// Queues the next step, after a wait when a pace is set (a command queued meanwhile
    /// still runs first).
    private func scheduleStep() {
        guard let delay = core.withLock({ $0.claimNextStep() ? $0.delayBeforeNextStep() : nil }) else { return }
        let step = { @Sendable [self] in
            let state: SessionState? = core.withLock { core in core.runClaimedStep() ? core.state() : nil }
            if let state { slot.withLock { $0 = state } }
            scheduleStep()
        }
        if delay > 0 { queue.asyncAfter(deadline: .now() + delay, execute: step) } else { queue.async(execute: step) }
    }
}
