import Testing
import NoiseStep
@testable import NoiseStepBench

/// `bench --learning`: its plumbing at a few steps (what it trains, scores and prints),
/// not what it measures.
@Suite struct LearningProtocolTests {
    static func candidate(_ name: String, optimizer: Optimizer = .noiseStep, batch: Int = 64) -> LearningProtocol.Candidate {
        var options = TimeToAccuracyTests.options()
        options.batch = batch
        return LearningProtocol.Candidate(name: name, arguments: "--batch \(batch)", options: options, steps: 3,
                                          optimizer: optimizer)
    }

    @Test func theUntouchedFoldIsNeverATuningFold() {
        #expect(!LearningProtocol.tuningFolds.contains(LearningProtocol.untouchedFold))
        #expect(LearningProtocol.tuningFolds.count == Dataset.holdoutFolds - 1)
        #expect(Set(LearningProtocol.screeningFolds).isSubset(of: LearningProtocol.tuningFolds))
    }

    /// Every candidate trains on every split and seed, in that order, scored on the split's
    /// held-out part and (digits) its pad check; the seed reaches the run.
    @Test func trainsEveryCandidateOnEverySplitAndSeed() throws {
        let data = TimeToAccuracyTests.halves(count: 40)
        let bench = LearningProtocol(candidates: [Self.candidate("a"), Self.candidate("b", optimizer: .adamSTE)],
                                     splits: [.fold(1)], seeds: [3, 4], threads: 1)
        var runs: [LearningResult.Run] = []
        for seed: UInt64 in [3, 4] {
            for candidate in bench.candidates {
                runs.append(try bench.measure(candidate, split: .fold(1), seed: seed, training: data, test: data,
                                              drawn: data))
            }
        }
        #expect(runs.map(\.candidate) == ["a", "b", "a", "b"] && runs.map(\.seed) == [3, 3, 4, 4])
        #expect(runs.allSatisfy { $0.steps == 3 && $0.total == 40 && $0.padTotal == 40 && $0.split == "fold 1" })
        var options = Self.candidate("a").options
        options.seed = 4
        let again = try Trainer(options: options, training: data)
        for _ in 0 ..< 3 { _ = again.step() }
        #expect(runs[2].correct == again.correctCount(on: data))
    }

    /// Mean, spread and the paired difference, from runs made up for the purpose.
    @Test func summariesAndTheTable() {
        func run(_ candidate: String, _ split: String, _ seed: UInt64, _ correct: Int) -> LearningResult.Run {
            LearningResult.Run(candidate: candidate, split: split, seed: seed, correct: correct, total: 100,
                               padCorrect: nil, padTotal: nil, steps: 10, trainingSeconds: 2, wallSeconds: 2.5)
        }
        let result = LearningResult(
            splits: ["fold 0", "fold 1"], seeds: [1], threads: 2,
            candidates: [.init(name: "old", arguments: "", steps: 10), .init(name: "new", arguments: "--x 1", steps: 10)],
            runs: [run("old", "fold 0", 1, 90), run("new", "fold 0", 1, 93), run("old", "fold 1", 1, 92),
                   run("new", "fold 1", 1, 93)])
        let summaries = result.summaries
        #expect(summaries.map(\.runs) == [2, 2])
        #expect(abs(summaries[0].mean - 0.91) < 1e-12 && abs(summaries[0].standardDeviation - 0.02.squareRoot() / 10) < 1e-12)
        #expect(summaries[1].lowest == 0.93 && summaries[1].highest == 0.93 && summaries[1].padMean == nil)
        // Differences +3 and +1 points: mean +2, standard error 1.
        let difference = BenchTable.pairedDifference(result, "new", against: "old")
        #expect(abs(difference!.mean - 0.02) < 1e-12 && abs(difference!.standardError - 0.01) < 1e-12)
        #expect(BenchTable.render(result) == """
            learning protocol: fold 0, fold 1 × seeds 1 (2 runs each), 2 threads
              candidate   steps    mean     sd   lowest–highest   Δ first (paired)   pad    s/run   arguments
              old            10   91.0%   1.41      90.0%–92.0%                        -   2.00 s   (defaults)
              new            10   93.0%   0.00      93.0%–93.0%       +2.00 ± 1.00     -   2.00 s   --x 1
              (sd: over runs, in points; Δ first: mean and standard error of each run's difference from the
               first candidate's run on the same split and seed; s/run: median of the steps' own wall time)
            """)
    }
}
