import NoiseStep

/// The settings a person can change while training runs.
public struct TrainingSettings: Equatable, Sendable {
    public var density: Double
    public var samples: Int
    public var rejectQuantile: Double
    public var schedule: DensitySchedule

    public init(density: Double, samples: Int, rejectQuantile: Double, schedule: DensitySchedule) {
        self.density = density
        self.samples = samples
        self.rejectQuantile = rejectQuantile
        self.schedule = schedule
    }

    /// The settings the session's next step will use.
    public init(_ state: SessionState) {
        self.init(density: state.density, samples: state.samples, rejectQuantile: state.rejectQuantile,
                  schedule: state.schedule)
    }
}

/// Settings the dashboard has asked for but the session may not have published yet.
///
/// Commands reach the engine between steps, so two quick key presses could both start
/// from the old value. Each press therefore starts from the last requested settings while
/// they are fresh (`lifetime` seconds), and from the published ones after that.
public struct PendingSettings: Equatable, Sendable {
    public static let lifetime = 2.0
    public var settings: TrainingSettings
    /// When they were requested, in seconds on the caller's clock.
    public var time: Double

    /// The settings a key press should start from at `now`.
    public static func effective(_ pending: PendingSettings?, published: TrainingSettings,
                                 now: Double) -> TrainingSettings {
        guard let pending, now - pending.time < lifetime else { return published }
        return pending.settings
    }
}
