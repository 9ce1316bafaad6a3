/// How a validation split scored after a step.
public struct ValidationScore: Sendable, Equatable {
    public var step: Int
    public var correct: Int
    public var total: Int

    public init(step: Int, correct: Int, total: Int) {
        self.step = step
        self.correct = correct
        self.total = total
    }
    /// correct / total, in [0, 1].
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
}
