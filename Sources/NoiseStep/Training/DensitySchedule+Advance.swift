extension DensitySchedule {
    /// The paper's thresholds: below loss 2 the density drops to 1.5e-5, below loss 1 to
    /// 3.7e-6. A density is only ever lowered, never raised.
    public static let paperSteps: [(belowLoss: Double, density: Double)] = [(1, 3.7e-6), (2, 1.5e-5)]

    /// A schedule lowers the density only to a value at least 1% below the current one,
    /// so a density that is already there (up to rounding) is kept as it is.
    static let smallestDrop = 1.01

    /// The density for the next step, given this step's density and loss.
    public func density(after current: Double, loss: Double) -> Double {
        switch self {
        case .fixed:
            return current
        case .paper:
            for (threshold, density) in Self.paperSteps where loss < threshold {
                return density < current / Self.smallestDrop ? density : current
            }
            return current
        }
    }
}
