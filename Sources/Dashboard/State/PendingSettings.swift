import NoiseStep

/// Settings the dashboard has asked for but the session may not have published yet.
///
/// Commands reach the engine between steps, so two quick key presses could both start
/// from the old value. Each press therefore starts from the last requested settings while
/// they are fresh (`lifetime` seconds), and from the published ones after that.
public struct PendingSettings: Equatable, Sendable {
    public static let lifetime = 2.0
    public var settings: StepSettings
    /// When they were requested, in seconds on the caller's clock.
    public var time: Double

    /// The settings a key press should start from at `now`.
    public static func effective(_ pending: PendingSettings?, published: StepSettings,
                                 now: Double) -> StepSettings {
        guard let pending, now - pending.time < lifetime else { return published }
        return pending.settings
    }
}
