/// How a step's alignments |α| spread around the threshold that decided which signs were
/// kept: eight counts, small enough to publish with every step.
///
/// Bin i holds the perturbations whose |α| / threshold lies in [2^(i−4), 2^(i−3)): bin 4
/// starts at the threshold itself, so bins 0...3 are the rejected side and 4...7 the kept
/// side. The first bin takes everything above 0 and below 1/8 of the threshold, the last
/// everything from 8 times up. α = 0 exactly (a perturbation that touched no weight the
/// batch's loss depends on, never kept) is counted apart in `zeros`.
public struct AlignmentSpread: Sendable, Equatable {
    public static let binCount = 8
    /// Bin `firstKeptBin` starts at the threshold.
    public static let firstKeptBin = 4

    /// The |α| a perturbation had to reach to be kept.
    public var threshold: Double
    /// `binCount` counts of the nonzero alignments.
    public var bins: [Int]
    /// Alignments exactly 0.
    public var zeros: Int

    public init(threshold: Double, bins: [Int], zeros: Int) {
        precondition(bins.count == Self.binCount)
        self.threshold = threshold
        self.bins = bins
        self.zeros = zeros
    }

    /// The spread of `alignments` around `threshold`.
    public init(alignments: [Double], threshold: Double) {
        var bins = [Int](repeating: 0, count: Self.binCount)
        var zeros = 0
        for alpha in alignments {
            if alpha == 0 { zeros += 1 } else { bins[Self.bin(magnitude: abs(alpha), threshold: threshold)] += 1 }
        }
        self.init(threshold: threshold, bins: bins, zeros: zeros)
    }

    /// The bin of one nonzero |α|.
    static func bin(magnitude: Double, threshold: Double) -> Int {
        guard threshold > 0, magnitude.isFinite else { return binCount - 1 }
        var bin = firstKeptBin
        var edge = threshold
        while bin < binCount - 1 && magnitude >= edge * 2 {
            edge *= 2
            bin += 1
        }
        while bin > 0 && magnitude < edge {
            edge /= 2
            bin -= 1
        }
        return bin
    }
}
