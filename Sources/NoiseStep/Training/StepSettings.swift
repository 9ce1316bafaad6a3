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
    /// How the reject quantile changes from step to step.
    public var quantileSchedule: QuantileSchedule
    /// What the quantile ranks: |α| or its reliability.
    public var keepBy: KeepRanking

    public init(density: Double, samples: Int, rejectQuantile: Double, schedule: DensitySchedule,
                quantileSchedule: QuantileSchedule = .fixed, keepBy: KeepRanking = .magnitude) {
        self.density = density
        self.samples = samples
        self.rejectQuantile = rejectQuantile
        self.schedule = schedule
        self.quantileSchedule = quantileSchedule
        self.keepBy = keepBy
    }

    /// Whether the density schedule, not a person, made these settings from `previous`:
    /// the paper schedule only ever lowers the density, and changes nothing else but what
    /// the quantile ramp moves at the same step.
    public func isScheduleDrop(from previous: StepSettings) -> Bool {
        previous.schedule == .paper && schedule == .paper && density < previous.density
            && samples == previous.samples && keepBy == previous.keepBy
            && (rejectQuantile == previous.rejectQuantile || isOnRamp(from: previous))
    }

    /// Whether these settings differ from `previous` only by the quantile ramp's move, which
    /// the options decide at every step: no change of anyone's making (neither a key nor
    /// the density schedule), so the lists of changes leave it out.
    public func isRampMove(from previous: StepSettings) -> Bool {
        isOnRamp(from: previous) && rejectQuantile != previous.rejectQuantile && density == previous.density
            && samples == previous.samples && schedule == previous.schedule && keepBy == previous.keepBy
    }

    /// Whether the quantile differs from `previous` by anyone's making, not by the ramp's
    /// move (on the ramp both sides, the quantile is the ramp's).
    public func quantileChanged(from previous: StepSettings) -> Bool {
        rejectQuantile != previous.rejectQuantile && !isOnRamp(from: previous)
    }

    private func isOnRamp(from previous: StepSettings) -> Bool {
        previous.quantileSchedule == .ramp && quantileSchedule == .ramp
    }

    /// The settings a run starts with: on its quantile ramp when it has one.
    public init(_ options: TrainingOptions) {
        self.init(density: options.density, samples: options.samples, rejectQuantile: options.rejectQuantile,
                  schedule: options.schedule, quantileSchedule: options.ramp?.quantileTo == nil ? .fixed : .ramp,
                  keepBy: options.keepBy)
    }
}
