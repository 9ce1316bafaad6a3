import NoiseStep

/// What the dashboard needs of a running training session. `TrainingSession` provides
/// it; tests provide a scripted one.
///
/// Every member must be callable from the main thread without waiting for a training
/// step: `state` returns the latest published value, `send` and `stop` only enqueue.
public protocol LiveTrainingSession: AnyObject, Sendable {
    /// The latest published state; cheap to read once per frame.
    var state: SessionState { get }
    /// Begins training in the background.
    func start()
    /// Queues a command; it applies from the next step.
    func send(_ command: TrainingCommand)
    /// Asks training to finish; returns at once.
    func stop()
}
