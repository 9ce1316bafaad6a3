/// What can stop a run that was going well.
public enum RunError: Error, Sendable, Equatable {
    /// The step log could not be written.
    case recording(StepLogError)
    /// The metrics file could not be written.
    case metrics(MetricsError)
    /// The rulebook refuses the next step (it would pass the last step a run may reach).
    case refused(LimitViolation)
}
