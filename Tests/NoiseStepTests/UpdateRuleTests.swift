import Testing
@testable import NoiseStep

@Suite struct UpdateRuleTests {
    @Test func keepsTheStrongerHalfByTheLowerMedian() {
        // |α| sorted: 0.1 0.2 0.3 0.4 → lower median 0.2; ties at the threshold are kept.
        #expect(UpdateRule.keptSigns(alignments: [0.3, -0.1, -0.4, 0.2], quantile: 0.5) == [1, 0, -1, 1])
        // Odd count: the middle value.
        #expect(UpdateRule.keptSigns(alignments: [-0.5, 0.1, 0.3], quantile: 0.5) == [-1, 0, 1])
    }

    @Test func quantileZeroKeepsEveryNonzeroAlignment() {
        #expect(UpdateRule.keptSigns(alignments: [0.3, 0, -2, 1e-9], quantile: 0) == [1, 0, -1, 1])
    }

    @Test func zeroAlignmentIsNeverKept() {
        #expect(UpdateRule.keptSigns(alignments: [0, 0, 0], quantile: 0.5) == [0, 0, 0])
        #expect(UpdateRule.keptSigns(alignments: [0, 0, 0.5], quantile: 0.9) == [0, 0, 1])
    }

    @Test func highQuantileKeepsOnlyTheStrongest() {
        // Threshold index ⌊0.95 · 9⌋ = 8: the two largest of ten survive.
        let alphas = (1 ... 10).map { Double($0) }
        #expect(UpdateRule.keptSigns(alignments: alphas, quantile: 0.95) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1])
    }

    @Test func movesEachParameterOneNotchAgainstTheKeptSign() {
        var model = TernaryModel(shape: ModelShape(widths: [3, 2]))  // 8 parameters: W 2×3, b 2
        for (index, value) in [Int8(1), -1, 0, 1, 0, -1, 1, 0].enumerated() { model[parameter: index] = value }
        let nus = [
            Perturbation(positions: [0, 1, 2], signs: [1, 1, -1]),   // kept +: W ← W − ν
            Perturbation(positions: [2, 3, 6], signs: [1, 1, -1]),   // kept −: W ← W + ν
            Perturbation(positions: [4, 5, 7], signs: [1, 1, 1]),    // rejected
        ]
        let changed = UpdateRule.apply(nus, keptSigns: [1, -1, 0], to: &model)
        // 0: 1−1=0. 1: −1−1 clamps at −1. 2: Σ = (−1)(+1) + (+1)(−1) = −2 → one notch: 0+1=1.
        // 3: 1+1 clamps at 1. 6: 1+(−1)=0. 4, 5, 7 untouched.
        #expect(model.flatParameters == [0, -1, 1, 1, 0, -1, 0, 0])
        #expect(changed == 3)
    }

    /// Two kept perturbations that push one parameter the same way sum to 2, which is
    /// clamped to one notch before it is applied: +1 becomes 0, not −1.
    @Test func theSumOverPerturbationsMovesAParameterOneNotchOnly() {
        var model = TernaryModel(shape: ModelShape(widths: [1, 1]))  // one weight, one bias
        model[parameter: 0] = 1
        model[parameter: 1] = -1
        let nus = [Perturbation(positions: [0, 1], signs: [1, -1]), Perturbation(positions: [0, 1], signs: [1, -1])]
        let changed = UpdateRule.apply(nus, keptSigns: [1, 1], to: &model)
        #expect(model.flatParameters == [0, 0])
        #expect(changed == 2)
    }
}
