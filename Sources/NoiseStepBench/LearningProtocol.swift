import Dispatch
import NoiseStep

/// `bench --learning`: what a training recipe is worth on examples it never saw.
///
/// Each candidate (a recipe: options, steps, optimizer) trains once per split and seed and
/// is scored on the split's held-out part. A split is one of the bundled subset's ten
/// disjoint stratified folds (train on the other nine, score the fold: 500 images) or a
/// directory's train and t10k files. The protocol:
/// - Tune on `tuningFolds`, several folds × seeds; quote mean and spread, never one run.
/// - `untouchedFold` was set aside before any tuning: score it only for the final figure.
/// - Report a second data set (Fashion-MNIST) beside the folds.
///
/// Runs go split by split, seed by seed, every candidate in turn, so that a slow spell on
/// a shared machine hits every candidate alike. Accuracies are deterministic; seconds are
/// not. This is a benchmark: it prints figures and asserts nothing.
public struct LearningProtocol {
    /// The fold no tuning scores. Chosen before the first experiment of issue 18, from the
    /// folds no earlier choice had looked at (fold 5 is the default split, fold 0 the old
    /// second check).
    public static let untouchedFold = 7
    /// The folds tuning may score: all but the untouched one.
    public static let tuningFolds = (0 ..< Dataset.holdoutFolds).filter { $0 != untouchedFold }
    /// The folds and seeds a comparison runs on unless told otherwise: 8 runs a candidate.
    public static let screeningFolds = [0, 1, 2, 3]
    public static let tuningSeeds: [UInt64] = [1, 2]
    /// The seeds of the final figure on the untouched fold.
    public static let untouchedSeeds: [UInt64] = [0, 1, 2]

    /// One recipe to measure.
    public struct Candidate: Sendable {
        public var name: String
        /// How the command line asks for it, for the table (e.g. "--batch 2048").
        public var arguments: String
        public var options: TrainingOptions
        public var steps: Int
        public var optimizer: Optimizer

        public init(name: String, arguments: String, options: TrainingOptions, steps: Int, optimizer: Optimizer) {
            self.name = name
            self.arguments = arguments
            self.options = options
            self.steps = steps
            self.optimizer = optimizer
        }
    }

    /// Where a run trains and what it is scored on.
    public enum Split: Sendable, Equatable, Codable, CustomStringConvertible {
        /// The bundled subset, this fold held out.
        case fold(Int)
        /// A directory's train files, scored on its t10k files.
        case directory(String)

        public var description: String {
            switch self {
            case .fold(let fold): return "fold \(fold)"
            case .directory(let path): return path
            }
        }
    }

    public var candidates: [Candidate]
    public var splits: [Split]
    public var seeds: [UInt64]
    /// Worker threads of every run (results do not depend on it).
    public var threads: Int

    public init(candidates: [Candidate], splits: [Split], seeds: [UInt64], threads: Int) {
        self.candidates = candidates
        self.splits = splits
        self.seeds = seeds
        self.threads = threads
    }

    /// Trains every candidate on every split and seed.
    /// - Throws: `DataError` for data that cannot be read, a `LimitViolation` for a
    ///   candidate the rulebook refuses, `RunError` from the run driver.
    public func measure(progress: (String) -> Void) throws -> LearningResult {
        var runs: [LearningResult.Run] = []
        let total = splits.count * seeds.count * candidates.count
        for split in splits {
            let (training, test) = try Self.load(split)
            let drawn = split.isBundled ? DrawnDigits.dataset(from: test) : nil
            for seed in seeds {
                for candidate in candidates {
                    let run = try measure(candidate, split: split, seed: seed, training: training, test: test, drawn: drawn)
                    runs.append(run)
                    progress("\(runs.count)/\(total) \(run.line)")
                }
            }
        }
        return LearningResult(splits: splits.map(\.description), seeds: seeds, threads: threads,
                              candidates: candidates.map { LearningResult.Recipe(name: $0.name, arguments: $0.arguments,
                                                                                steps: $0.steps) },
                              runs: runs)
    }

    /// One run: train `candidate` with `seed`, score it on `test` (and `drawn`, the pad check).
    func measure(_ candidate: Candidate, split: Split, seed: UInt64, training: Dataset, test: Dataset,
                 drawn: Dataset?) throws -> LearningResult.Run {
        var options = candidate.options
        options.seed = seed
        options.threads = threads
        let plan = try RunPlan(targetStep: candidate.steps, evalEvery: 0)
        switch candidate.optimizer {
        case .noiseStep:
            return try train(RunDriver(trainer: try Trainer(options: options, training: training), validation: test,
                                       plan: plan), candidate: candidate.name, split: split, seed: seed, drawn: drawn)
        case .adamSTE:
            return try train(RunDriver(trainer: try AdamSTETrainer(options: options, training: training),
                                       validation: test, plan: plan),
                             candidate: candidate.name, split: split, seed: seed, drawn: drawn)
        }
    }

    private func train<Model: RunTrainer>(_ driver: RunDriver<Model>, candidate: String, split: Split, seed: UInt64,
                                          drawn: Dataset?) throws -> LearningResult.Run {
        let started = DispatchTime.now().uptimeNanoseconds
        var training = 0.0
        while !driver.isAtTarget { training += try driver.step().stepSeconds }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let score = driver.lastValidation
        let padCorrect = drawn.map { driver.trainer.correctCount(on: $0) }
        return LearningResult.Run(candidate: candidate, split: split.description, seed: seed,
                                  correct: score?.correct ?? 0, total: score?.total ?? 0,
                                  padCorrect: padCorrect, padTotal: drawn?.count, steps: driver.stepsDone,
                                  trainingSeconds: training, wallSeconds: wall)
    }

    /// The training and test parts of `split`.
    static func load(_ split: Split) throws -> (training: Dataset, test: Dataset) {
        switch split {
        case .fold(let fold):
            try Limits.check(.holdoutFold, fold)
            let (train, validation) = try BundledData.load(fold: fold)
            return (train, validation)
        case .directory(let path):
            return (try MNISTDirectory.load(path, split: .train), try MNISTDirectory.load(path, split: .test))
        }
    }
}

extension LearningProtocol.Split {
    /// Whether the split is bundled digits, on which the pad check applies.
    var isBundled: Bool {
        if case .fold = self { return true }
        return false
    }
}
