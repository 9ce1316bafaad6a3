/// What a front end can ask of a running `TrainingSession`. Each takes effect from the
/// next step.
public enum TrainingCommand: Sendable, Equatable {
    case pause
    /// Trains on; at the target step, first moves the target one more leg on.
    case resume
    /// `pause` while training, `resume` while paused.
    case togglePause
    /// While paused, run exactly one step (also past the target).
    case stepOnce
    /// Use these settings from the next step; the rulebook may refuse them.
    case change(StepSettings)
    /// Move the target step this many steps past the current target (or step).
    case extendTarget(by: Int)
    /// Make the run's step log complete up to now: weights appended, synced.
    case save
    /// Train at most this many steps a second, so a person can follow; nil: as fast as it can.
    case pace(stepsPerSecond: Double?)
}
