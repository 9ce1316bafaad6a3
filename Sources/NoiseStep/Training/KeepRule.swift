/// What a step ranks its perturbations by when it keeps the stronger ones.
public enum KeepRanking: String, Sendable, CaseIterable, Codable {
    /// |α_i|: the paper's rule, the strongest alignments.
    case magnitude
    /// |α_i| / se_i (`AlignmentEstimate.reliabilities`): the signs surest to be right. A
    /// weight moves one notch whatever |α| is, so what a kept sign is worth is mostly the
    /// chance that it points the right way.
    case reliability

    /// The other ranking: what the dashboard's key switches to.
    public var next: KeepRanking {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// Which perturbations a step keeps the signs of: those whose score (by `ranking`)
/// reaches the `quantile`-quantile of the step's scores, and, with a floor, only those
/// whose α lies at least `minimumReliability` standard errors from 0.
///
/// Nothing here knows the model: it sees the step's `AlignmentEstimate` only, so any
/// trainer that sums α per chunk of its batch can use it.
public struct KeepRule: Sendable, Equatable {
    public var ranking: KeepRanking
    /// In [0, 1): the order statistic at ⌊q·(n − 1)⌋ of the sorted scores is the threshold.
    public var quantile: Double
    /// Keep only α_i with |α_i| / se_i at least this; 0: no floor.
    public var minimumReliability: Double

    public init(ranking: KeepRanking = .magnitude, quantile: Double, minimumReliability: Double = 0) {
        self.ranking = ranking
        self.quantile = quantile
        self.minimumReliability = minimumReliability
    }

    /// The rule of a step with `settings` in a run with `options`.
    public init(_ settings: StepSettings, options: TrainingOptions) {
        self.init(ranking: settings.keepBy, quantile: settings.rejectQuantile, minimumReliability: options.keepFloor)
    }

    /// What a step decided.
    public struct Decision: Sendable, Equatable {
        /// α_τ of each perturbation, in {−1, 0, +1}.
        public var keptSigns: [Int8]
        /// The score a kept perturbation had to reach.
        public var threshold: Double
        /// Every perturbation's score, for the published spread around the threshold.
        public var scores: [Double]
    }

    /// sign(α_i) where α_i ≠ 0, score_i ≥ the quantile's order statistic of the scores
    /// (ties kept, as `UpdateRule.threshold`), and |α_i|/se_i reaches the floor; else 0.
    public func decide(_ estimate: AlignmentEstimate) -> Decision {
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
