/// The two rules that turn a step's alignments into a weight change.
public enum UpdateRule {
    /// α_τ: sign(α_i) where |α_i| ≥ the `quantile`-quantile of |α| over the step, else 0.
    /// A perturbation with α = 0 is never kept.
    ///
    /// The quantile is the order statistic at index ⌊q·(n − 1)⌋ of the sorted |α|, so
    /// q = 0.5 is the lower median (what `torch.median` returns). Ties at the threshold
    /// are kept.
    public static func keptSigns(alignments: [Double], quantile: Double) -> [Int8] {
        keptSigns(alignments: alignments, threshold: threshold(alignments: alignments, quantile: quantile))
    }

    /// How many of `keptSigns` are kept (nonzero).
    public static func keptCount(_ keptSigns: [Int8]) -> Int { keptSigns.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } }

    /// The share of a step's `samples` perturbations that were kept, in [0, 1]; 0 for none.
    public static func acceptance(kept: Int, samples: Int) -> Double {
        samples == 0 ? 0 : Double(kept) / Double(samples)
    }

    /// sign(α_i) where α_i ≠ 0 and |α_i| ≥ `threshold` (from `threshold(alignments:quantile:)`), else 0.
    public static func keptSigns(alignments: [Double], threshold: Double) -> [Int8] {
        alignments.map { alpha in
            guard alpha != 0, abs(alpha) >= threshold else { return 0 }
            return alpha > 0 ? 1 : -1
        }
    }

    /// The |α| a kept perturbation must reach: the order statistic at index ⌊q·(n − 1)⌋
    /// of the sorted |α| (0 when there are no alignments).
    public static func threshold(alignments: [Double], quantile: Double) -> Double {
        precondition(quantile >= 0 && quantile < 1)
        guard !alignments.isEmpty else { return 0 }
        let magnitudes = alignments.map { abs($0) }.sorted()
        return magnitudes[Int(quantile * Double(magnitudes.count - 1))]
    }

    /// Applies W ← clamp(W − clamp(Σ_i ν_i·α_τ(ν_i), −1, 1), −1, 1): the sum is taken in
    /// integers per parameter, then each parameter moves at most one notch.
    /// - Returns: how many parameters changed value.
    @discardableResult
    public static func apply(_ perturbations: [Perturbation], keptSigns: [Int8], to model: inout TernaryModel) -> Int {
        applyCounting(perturbations, keptSigns: keptSigns, to: &model).changed
    }

    /// `apply`, also saying by how much the count of zero parameters grew (negative when
    /// it shrank), so a replay follows the sparsity without counting every parameter.
    static func applyCounting(_ perturbations: [Perturbation], keptSigns: [Int8],
                              to model: inout TernaryModel) -> (changed: Int, zerosAdded: Int) {
        precondition(perturbations.count == keptSigns.count)
        // Each kept entry's contribution, gathered and sorted by position: a step's few
        // thousand entries sum faster so than in a dictionary.
        var contributions: [(position: Int, sign: Int)] = []
        for (perturbation, kept) in zip(perturbations, keptSigns) where kept != 0 {
            for (position, sign) in zip(perturbation.positions, perturbation.signs) {
                contributions.append((position, Int(sign) * Int(kept)))
            }
        }
        contributions.sort { $0.position < $1.position }
        var changed = 0, zerosAdded = 0, index = 0
        while index < contributions.count {
            let position = contributions[index].position
            var sum = 0
            while index < contributions.count, contributions[index].position == position {
                sum += contributions[index].sign
                index += 1
            }
            let step = max(-1, min(1, sum))
            let old = Int(model[parameter: position])
            let new = max(-1, min(1, old - step))
            if new != old {
                model[parameter: position] = Int8(new)
                changed += 1
                zerosAdded += (new == 0 ? 1 : 0) - (old == 0 ? 1 : 0)
            }
        }
        return (changed, zerosAdded)
    }
}
