import NoiseStep

/// A step whose settings differ from those of the step before it: a key press, or the
/// density schedule.
public struct SettingsChange: Equatable, Sendable {
    /// 1 for the run's first change, and so on.
    public var number: Int
    public var step: Int
    public var from: StepSettings
    public var to: StepSettings

    /// Whether the density schedule made it (the paper schedule only ever lowers the
    /// density, and nothing else changed).
    public var isSchedule: Bool { to.isScheduleDrop(from: from) }
}
