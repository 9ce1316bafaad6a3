import Testing
@testable import NoiseStep

@Suite struct AlignmentSpreadTests {
    /// Bins a factor of 2 wide, the threshold starting bin 4, zeros apart.
    @Test func binsAreFactorsOfTwoAroundTheThreshold() {
        let spread = AlignmentSpread(alignments: [0, 0, 0.001, -0.13, 0.2, -0.3, 0.5, 1, -1.9, 2, 4, 7.9, 8, 100],
                                     threshold: 1)
        #expect(spread.zeros == 2)
        // Bins: <1/8, [1/8,1/4), [1/4,1/2), [1/2,1), [1,2), [2,4), [4,8), ≥8.
        #expect(spread.bins == [1, 2, 1, 1, 2, 1, 2, 2])
        #expect(AlignmentSpread(alignments: [0, 1e-9], threshold: 0).bins == [0, 0, 0, 0, 0, 0, 0, 1])
    }

    /// A trained step publishes its spread: the kept side holds exactly the kept signs; the
    /// history's record of it keeps the step's whole settings.
    @Test func aStepPublishesItsSpread() throws {
        var options = TrainingOptions()
        options.hidden = [16]
        options.batch = 64
        options.samples = 40
        options.density = 2e-3
        options.threads = 1
        let trainer = try Trainer(options: options, training: Fixtures.bands(count: 100))
        let snapshot = trainer.step().snapshot
        let spread = try #require(snapshot.alignmentSpread)
        #expect(spread.bins.reduce(0, +) + spread.zeros == 40)
        #expect(spread.bins[AlignmentSpread.firstKeptBin...].reduce(0, +) == snapshot.kept)
        #expect(spread.threshold > 0)
        #expect(StepRecord(snapshot).alignmentThreshold == spread.threshold)
        let settings = StepRecord(snapshot).settings
        #expect(settings.keepBy == .reliability && settings.quantileSchedule == .ramp,
                "the history's record carries the keep rule, so the ramp's moves are told from keys")
    }
}
