/// Which perturbations a step keeps the signs of: those whose score reaches the step's
/// quantile of scores, and, with a reliability floor, only those whose α lies at least
/// that many standard errors from 0.
///
/// The score is |α| (the paper's rule: the strongest alignments) or |α|/se (the most
/// reliable signs: a weight moves one notch whatever |α| is, so what a kept sign is worth
/// is the chance that it is right). Nothing here knows the model: it sees the step's
/// `AlignmentEstimate` only.
public struct KeepRule: Sendable, Equatable, Codable {
    /// What the quantile ranks.
    public enum Ranking: String, Sendable, Equatable, Codable, CaseIterable {
        /// |α_i|.
        case magnitude
        /// |α_i| / se_i (see `AlignmentEstimate.reliabilities`).
        case reliability
    }

    public var ranking: Ranking
    /// Keep only α_i with |α_i| / se_i at least this; 0 keeps every α the quantile keeps.
    public var minimumReliability: Double

    public init(ranking: Ranking = .magnitude, minimumReliability: Double = 0) {
        self.ranking = ranking
        self.minimumReliability = minimumReliability
    }

    /// The paper's rule: rank by |α|, no floor.
    public static let magnitude = KeepRule()

    /// What a step decided: the kept signs, the score a kept perturbation had to reach, and
    /// every perturbation's score (for the published spread).
    public struct Decision: Sendable, Equatable {
        /// α_τ of each perturbation, in {−1, 0, +1}.
        public var keptSigns: [Int8]
        /// The quantile's order statistic of the scores.
        public var threshold: Double
        public var scores: [Double]
    }

    /// sign(α_i) where α_i ≠ 0, score_i ≥ the `quantile`-quantile of the scores (the order
    /// statistic at ⌊q·(n − 1)⌋, as `UpdateRule.threshold`), and |α_i|/se_i reaches the floor.
    public func decide(_ estimate: AlignmentEstimate, quantile: Double) -> Decision {
        let reliabilities = ranking == .reliability || minimumReliability > 0 ? estimate.reliabilities : []
        let scores = ranking == .magnitude ? estimate.means.map { abs($0) } : reliabilities
        let threshold = UpdateRule.threshold(alignments: scores, quantile: quantile)
        let signs = estimate.means.indices.map { i -> Int8 in
            let alpha = estimate.means[i]
            guard alpha != 0, scores[i] >= threshold else { return 0 }
            if minimumReliability > 0, !(reliabilities[i] >= minimumReliability) { return 0 }
            return alpha > 0 ? 1 : -1
        }
        return Decision(keptSigns: signs, threshold: threshold, scores: scores)
    }
}
