/// A step's recorded loss and batch accuracy, compared bit for bit (so that a NaN found
/// in a file equals itself in a test or a message).
public struct StepMetrics: Sendable, Equatable {
    public var loss: Float
    public var batchAccuracy: Float

    public init(loss: Float, batchAccuracy: Float) {
        self.loss = loss
        self.batchAccuracy = batchAccuracy
    }

    public static func == (lhs: StepMetrics, rhs: StepMetrics) -> Bool {
        lhs.loss.bitPattern == rhs.loss.bitPattern && lhs.batchAccuracy.bitPattern == rhs.batchAccuracy.bitPattern
    }
}
