/// How far a run goes and when it scores its validation split. The one rule for both:
/// validation runs every `evalEvery` steps and at the target step.
public struct RunPlan: Sendable, Equatable {
    /// The step a headless run stops after, and the dashboard pauses after.
    public private(set) var targetStep: Int
    /// Steps between validations; 0 scores only the target step.
    public let evalEvery: Int

    /// - Throws: a step count outside the rulebook's limits.
    public init(targetStep: Int, evalEvery: Int) throws(LimitViolation) {
        try Limits.check(.steps, targetStep)
        try Limits.check(.evalEvery, evalEvery)
        self.targetStep = targetStep
        self.evalEvery = evalEvery
    }

    /// Whether the validation split is scored after step `step`.
    public func validates(after step: Int) -> Bool {
        step == targetStep || (evalEvery > 0 && step % evalEvery == 0)
    }

    /// Sets the target `steps` past `step` (the step a run is at, which may already be
    /// past the target).
    /// - Throws: when the new target would pass the largest step a run may reach.
    public mutating func continueTarget(from step: Int, by steps: Int) throws(LimitViolation) {
        let target = Double(step) + Double(steps)
        try Limits.check(.steps, target)
        targetStep = Int(target)
    }
}
