import Testing
@testable import NoiseStep

/// Each rule at its one home (see README's rule list), at 0 and at its edges: where a copy
/// of a rule would lose its guard first.
@Suite struct RuleEdgesTests {
    @Test func keptCountAndAcceptanceAtZero() {
        #expect(UpdateRule.keptCount([]) == 0 && UpdateRule.keptCount([0, 0]) == 0)
        #expect(UpdateRule.keptCount([1, -1, 0, 1]) == 3)
        #expect(UpdateRule.acceptance(kept: 0, samples: 0) == 0)
        #expect(UpdateRule.acceptance(kept: 3, samples: 3) == 1 && UpdateRule.acceptance(kept: 1, samples: 4) == 0.25)
    }

    @Test func thresholdAtBothQuantileEndsAndNoAlignments() {
        #expect(UpdateRule.threshold(alignments: [], quantile: 0.5) == 0)
        let alignments = [-4.0, 1, 0, 3, -2]
        #expect(UpdateRule.threshold(alignments: alignments, quantile: 0) == 0)
        #expect(UpdateRule.threshold(alignments: alignments, quantile: 0.5) == 2)
        #expect(UpdateRule.threshold(alignments: alignments, quantile: Limits.rejectQuantile.upper.nextDown) == 3)
        #expect(UpdateRule.keptSigns(alignments: alignments, quantile: 0) == [-1, 1, 0, 1, -1], "α = 0 is never kept")
    }

    @Test func sparsityOfNothingAndOfEverything() {
        #expect(LayerStats.sparsity(of: []) == 0)
        #expect(LayerStats.sparsity(of: [LayerStats(label: "a", parameters: 0, zeros: 0)]) == 0)
        #expect(LayerStats.sparsity(of: [LayerStats(label: "a", parameters: 4, zeros: 4),
                                         LayerStats(label: "b", parameters: 4, zeros: 0)]) == 0.5)
        #expect(TernaryModel(shape: ModelShape(widths: [3, 2])).sparsity == 1)
    }

    /// The paper schedule drops below a loss of 2 and of 1, not at them, and never raises.
    @Test func thePaperScheduleAtItsThresholds() {
        let paper = DensitySchedule.paper
        #expect(paper.density(after: 6e-5, loss: 2) == 6e-5 && paper.density(after: 6e-5, loss: 2.0.nextDown) == 1.5e-5)
        #expect(paper.density(after: 6e-5, loss: 1) == 1.5e-5 && paper.density(after: 6e-5, loss: 1.0.nextDown) == 3.7e-6)
        #expect(paper.density(after: 1e-6, loss: 0.5) == 1e-6, "never raised")
        // Within 1% of the target the density is already there.
        #expect(paper.density(after: 1.5e-5 * 1.01, loss: 1.5) == 1.5e-5 * 1.01)
        #expect(paper.density(after: 1.5e-5 * 1.0101, loss: 1.5) == 1.5e-5)
    }

    @Test func theRunPlanAtTheTargetAndEvalEveryZero() throws {
        let never = try RunPlan(targetStep: 5, evalEvery: 0)
        #expect((0 ... 6).filter { never.validates(after: $0) } == [5])
        let every = try RunPlan(targetStep: 5, evalEvery: 1)
        #expect((1 ... 5).allSatisfy { every.validates(after: $0) })
        let none = try RunPlan(targetStep: 0, evalEvery: 0)
        #expect(none.validates(after: 0) && !none.validates(after: 1))
        var extended = try RunPlan(targetStep: Int(UInt32.max) - 1, evalEvery: 0)
        try extended.continueTarget(from: extended.targetStep, by: 1)
        #expect(extended.targetStep == Int(UInt32.max))
        #expect(throws: LimitViolation.self) { try extended.continueTarget(from: extended.targetStep, by: 1) }
    }

    @Test func aFrameRateIsTakenAsTheNearestEnd() {
        let fps = Limits.framesPerSecond
        #expect(fps.clamped(9) == 10 && fps.clamped(10) == 10 && fps.clamped(30) == 30 && fps.clamped(31) == 30)
        #expect(fps.clamped(Int.min) == 10 && fps.clamped(Int.max) == 30 && fps.clamped(20) == 20)
    }
}
