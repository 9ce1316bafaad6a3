import NoiseStep

/// One settings change made with a key: the settings before and after it, and whether a
/// density key had turned the schedule off before it.
public struct SettingsEdit: Equatable, Sendable {
    public var before: StepSettings
    public var after: StepSettings
    public var overrodeScheduleBefore: Bool

    /// `current` with every setting this edit changed put back as it was before it.
    func undone(from current: StepSettings) -> StepSettings {
        var settings = current
        if before.density != after.density { settings.density = before.density }
        if before.samples != after.samples { settings.samples = before.samples }
        if before.rejectQuantile != after.rejectQuantile { settings.rejectQuantile = before.rejectQuantile }
        if before.schedule != after.schedule { settings.schedule = before.schedule }
        return settings
    }
}
