import Testing
@testable import NoiseStep

@Suite struct KeepRuleTests {
    /// Two perturbations over a 3-chunk batch of 64 + 64 + 32 examples, sums laid out by hand.
    @Test func theEstimateIsTheBatchMeanWithTheChunksSpreadAsItsError() {
        // Row c: [Σα_0, Σα_1, loss, correct] of chunk c.
        let rows: [Double] = [64, -6.4, 0, 0,
                              128, 6.4, 0, 0,
                              32, -3.2, 0, 0]
        let estimate = rows.withUnsafeBufferPointer {
            AlignmentEstimate(rows: $0.baseAddress!, chunks: 3, width: 4, samples: 2, examples: 160)
        }
        // α_0 = 224/160 = 1.4; chunk means 1, 2, 1: Σ (s − nα)²/n = 64·0.16 + 64·0.36 + 32·0.16 = 38.4,
        // σ² = 38.4 / 2 = 19.2, se = √(19.2/160).
        #expect(abs(estimate.means[0] - 1.4) < 1e-12)
        #expect(abs(estimate.standardErrors[0] - (19.2 / 160).squareRoot()) < 1e-12)
        #expect(abs(estimate.means[1] - (-3.2 / 160)) < 1e-15)
        #expect(abs(estimate.reliabilities[0] - 1.4 / (19.2 / 160).squareRoot()) < 1e-9)
    }

    @Test func aBatchOfOneChunkHasNoSpreadAndEveryNonzeroAlphaIsFullyReliable() {
        let rows: [Double] = [3, 0, -1]
        let estimate = rows.withUnsafeBufferPointer {
            AlignmentEstimate(rows: $0.baseAddress!, chunks: 1, width: 3, samples: 3, examples: 50)
        }
        #expect(estimate.standardErrors == [0, 0, 0])
        #expect(estimate.reliabilities == [.infinity, 0, .infinity])
    }

    @Test func magnitudeRankingIsThePapersRule() {
        let estimate = AlignmentEstimate(means: [0.3, -0.1, -0.4, 0.2, 0], standardErrors: [1, 1, 1, 1, 1])
        let decision = KeepRule(quantile: 0.5).decide(estimate)
        #expect(decision.keptSigns == UpdateRule.keptSigns(alignments: estimate.means, quantile: 0.5))
        #expect(decision.threshold == 0.2)
    }

    /// The largest |α| is the least reliable here: ranking by reliability drops it.
    @Test func reliabilityRankingKeepsTheSignsFarthestFromZeroInStandardErrors() {
        let estimate = AlignmentEstimate(means: [0.9, -0.2, 0.1, -0.3], standardErrors: [1, 0.05, 0.1, 0.1])
        // Reliabilities 0.9, 4, 1, 3: the upper half is 4 and 3.
        let decision = KeepRule(ranking: .reliability, quantile: 0.5).decide(estimate)
        #expect(decision.keptSigns == [0, -1, 1, -1])
        #expect(decision.threshold == 1)
        #expect(KeepRule(ranking: .reliability, quantile: 0.7).decide(estimate).keptSigns == [0, -1, 0, -1])
    }

    @Test func aReliabilityFloorRejectsSignsTheQuantileWouldKeep() {
        let estimate = AlignmentEstimate(means: [0.9, -0.2, 0.1, -0.3, 0], standardErrors: [1, 0.05, 0.1, 0.1, 0])
        let rule = KeepRule(ranking: .magnitude, quantile: 0, minimumReliability: 2)
        #expect(rule.decide(estimate).keptSigns == [0, -1, 0, -1, 0])
    }

    @Test func aRampMovesSmoothlyThenHolds() {
        let ramp = Ramp(steps: 101)
        #expect(ramp.value(from: 0.5, to: 0.9, atStep: 1) == 0.5)
        #expect(abs(ramp.value(from: 0.5, to: 0.9, atStep: 51) - 0.7) < 1e-12)
        #expect(ramp.value(from: 0.5, to: 0.9, atStep: 101) == 0.9)
        #expect(ramp.value(from: 0.5, to: 0.9, atStep: 5000) == 0.9)
        #expect(ramp.value(from: 0.5, to: 0.9, atStep: 26) < 0.6)  // slow at the start: smoothstep(0.25) = 0.156
        #expect(Ramp(steps: 1).value(from: 2, to: 3, atStep: 1) == 3)
    }
}
