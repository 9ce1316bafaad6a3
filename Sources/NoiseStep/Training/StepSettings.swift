/// The settings that may change from one step to the next, by the density schedule or
/// by a person at the dashboard. Every step log record carries them (or says they did
/// not change), so a replay uses exactly what the run used.
public struct StepSettings: Sendable, Equatable, Encodable {
    /// Probability that a parameter is nonzero in one perturbation, in (0, 1).
    public var density: Double
    /// Perturbations drawn per step.
    public var samples: Int
    /// Perturbations whose |α| is below this quantile of the step's |α| are rejected; in [0, 1).
    public var rejectQuantile: Double
    /// How the density changes after each step.
    public var schedule: DensitySchedule

    public init(density: Double, samples: Int, rejectQuantile: Double, schedule: DensitySchedule) {
        self.density = density
        self.samples = samples
        self.rejectQuantile = rejectQuantile
        self.schedule = schedule
    }

    /// Whether the density schedule, not a person, made these settings from `previous`:
    /// the paper schedule only ever lowers the density, and changes nothing else.
    public func isScheduleDrop(from previous: StepSettings) -> Bool {
        previous.schedule == .paper && schedule == .paper && density < previous.density
            && samples == previous.samples && rejectQuantile == previous.rejectQuantile
    }

    /// The settings a run starts with.
    public init(_ options: TrainingOptions) {
        self.init(density: options.density, samples: options.samples, rejectQuantile: options.rejectQuantile,
                  schedule: options.schedule)
    }
}
