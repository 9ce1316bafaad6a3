/// Something that happened in a session that a person should be told about. Values
/// only: the front end words them.
public enum SessionEvent: Sendable, Equatable {
    /// Training paused at the target step.
    case reachedTarget(step: Int)
    /// The step log or metrics file could not be written; training paused.
    case recordingFailed(RunError)
    /// The step log holds every step and the weights after `step`.
    case saved(path: String, step: Int)
    /// `save` in a session that does not record.
    case notRecording
    /// A command asked for something the rulebook does not allow; nothing changed.
    case refused(LimitViolation)
}
