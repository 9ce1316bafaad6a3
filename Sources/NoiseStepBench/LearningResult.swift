import Foundation
import NoiseStep

/// Every run of `bench --learning`, and each candidate's summary over them.
public struct LearningResult: Encodable, Sendable {
    /// A candidate as the table names it.
    public struct Recipe: Encodable, Sendable, Equatable {
        public var name: String
        public var arguments: String
        public var steps: Int
    }

    /// One candidate trained on one split with one seed.
    public struct Run: Encodable, Sendable, Equatable {
        public var candidate: String
        public var split: String
        public var seed: UInt64
        /// Held-out images scored right, of `total`.
        public var correct: Int
        public var total: Int
        /// The pad check (the held-out digits redrawn with the pad's brush), digits only.
        public var padCorrect: Int?
        public var padTotal: Int?
        public var steps: Int
        /// The steps' own wall time; `wallSeconds` adds the final scoring.
        public var trainingSeconds: Double
        public var wallSeconds: Double

        public var accuracy: Double { total > 0 ? Double(correct) / Double(total) : 0 }
        public var padAccuracy: Double? {
            guard let padCorrect, let padTotal, padTotal > 0 else { return nil }
            return Double(padCorrect) / Double(padTotal)
        }

        /// One progress line, e.g. "fold 3 seed 1 default: 93.8% (pad 88.0%), 1500 steps in 9.8 s".
        var line: String {
            "\(split) seed \(seed) \(candidate): " + BenchTable.percent(accuracy)
                + (padAccuracy.map { " (pad " + BenchTable.percent($0) + ")" } ?? "")
                + ", \(steps) steps in " + BenchTable.seconds(trainingSeconds)
        }
    }

    /// A candidate's figures over all its runs.
    public struct Summary: Encodable, Sendable, Equatable {
        public var recipe: Recipe
        public var runs: Int
        public var mean: Double
        /// Sample standard deviation over the runs (0 for one run).
        public var standardDeviation: Double
        public var lowest: Double
        public var highest: Double
        public var padMean: Double?
        /// Median over runs of the steps' wall time.
        public var medianSeconds: Double
    }

    public var splits: [String]
    public var seeds: [UInt64]
    public var threads: Int
    public var candidates: [Recipe]
    public var runs: [Run]

    /// One summary per candidate, in the order they were given.
    public var summaries: [Summary] {
        candidates.map { recipe in
            let mine = runs.filter { $0.candidate == recipe.name }
            let accuracies = mine.map(\.accuracy)
            let mean = accuracies.reduce(0, +) / Double(max(1, accuracies.count))
            let squares = accuracies.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            let pads = mine.compactMap(\.padAccuracy)
            return Summary(recipe: recipe, runs: mine.count, mean: mean,
                           standardDeviation: accuracies.count > 1 ? (squares / Double(accuracies.count - 1)).squareRoot() : 0,
                           lowest: accuracies.min() ?? 0, highest: accuracies.max() ?? 0,
                           padMean: pads.isEmpty ? nil : pads.reduce(0, +) / Double(pads.count),
                           medianSeconds: Statistics.median(mine.map(\.trainingSeconds)) ?? 0)
        }
    }

    enum CodingKeys: String, CodingKey { case splits, seeds, threads, candidates, runs, summaries }

    public init(splits: [String], seeds: [UInt64], threads: Int, candidates: [Recipe], runs: [Run]) {
        self.splits = splits
        self.seeds = seeds
        self.threads = threads
        self.candidates = candidates
        self.runs = runs
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(splits, forKey: .splits)
        try container.encode(seeds, forKey: .seeds)
        try container.encode(threads, forKey: .threads)
        try container.encode(candidates, forKey: .candidates)
        try container.encode(runs, forKey: .runs)
        try container.encode(summaries, forKey: .summaries)
    }
}
