/// How the reject quantile changes from one step to the next.
public enum QuantileSchedule: String, Sendable, CaseIterable, Codable {
    /// The quantile stays as it is (as set, or as a person left it).
    case fixed
    /// The quantile follows the run's ramp (`TrainingOptions.ramp`): each step takes the
    /// ramp's value for its step number.
    case ramp
}

extension StepSettings {
    /// These settings moved on to step `step` by the run's ramp: on the `.ramp` schedule
    /// the quantile is the ramp's value for that step; everything else is unchanged (the
    /// density schedule needs the loss: `StepLogEntry.nextDensity`).
    public func ramped(toStep step: Int, options: TrainingOptions) -> StepSettings {
        guard quantileSchedule == .ramp, let ramp = options.ramp, let to = ramp.quantileTo else { return self }
        var next = self
        next.rejectQuantile = ramp.value(from: options.rejectQuantile, to: to, atStep: step)
        return next
    }
}
