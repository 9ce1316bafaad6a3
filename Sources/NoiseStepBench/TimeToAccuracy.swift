import Dispatch
import NoiseStep

/// `bench --time-to A`: how soon a default run is good. For noise_step and for Adam-STE
/// (same options, seed and batches), the training seconds until the bundled validation
/// split first scores at least A.
///
/// How it is counted:
/// - A run trains with the default options and scores the 500-image validation split
///   every `checkEvery` steps (the run driver's one validation rule), stopping at the
///   first score ≥ A or after `maxSteps`.
/// - The figure is the training time up to that check: the sum of every step's own wall
///   time (`TrainingSnapshot.stepSeconds`). The checks are left out — a run needs none
///   to be good, and their cost depends only on how often one looks — but their total
///   is reported beside it, with the wall time that includes them. A check costs about a
///   quarter of a step, so checking every 10 steps adds about 2.5%; the first crossing is
///   found to within `checkEvery` steps.
/// - Runs are deterministic, so the crossing step is the same in every round; the times
///   are medians over `rounds` rounds that alternate the two optimizers, so that a slow
///   spell on a shared machine hits both.
public struct TimeToAccuracy {
    /// The accuracy to reach, in (0, 1].
    public var target: Double
    public var checkEvery = 10
    /// A run that has not reached the target by this step gives up.
    public var maxSteps = 6000
    public var rounds = 3
    /// Worker threads, already resolved (not 0).
    public var threads: Int

    public init(target: Double, threads: Int) {
        self.target = target
        self.threads = threads
    }

    /// One run of one optimizer.
    public struct Run: Codable, Sendable, Equatable {
        public var optimizer: Optimizer
        /// The first checked step that scored ≥ the target; nil if none did by `maxSteps`.
        public var step: Int?
        /// The score of that check (or of the last one).
        public var accuracy: Double
        /// Steps' own wall time up to `step` (or over every step run), checks excluded.
        public var trainingSeconds: Double
        /// Wall time of the whole run, checks included.
        public var wallSeconds: Double
        public var checks: Int
    }

    /// Every round of both optimizers, and the figures the bench prints.
    public struct Result: Encodable, Sendable {
        public var target: Double
        public var checkEvery: Int
        public var maxSteps: Int
        public var threads: Int
        public var noiseStep: [Run]
        public var adamSTE: [Run]

        /// The median of `value` over the rounds that reached the target; nil if none did.
        static func median(_ runs: [Run], _ value: (Run) -> Double) -> Double? {
            Statistics.median(runs.filter { $0.step != nil }.map(value))
        }
        public var noiseStepSeconds: Double? { Self.median(noiseStep, \.trainingSeconds) }
        public var adamSTESeconds: Double? { Self.median(adamSTE, \.trainingSeconds) }
    }

    /// Alternates the two optimizers for `rounds` rounds on the bundled data.
    /// - Throws: `DataError` when the bundled data cannot be read, or a `LimitViolation`.
    public func measure(progress: (String) -> Void) throws -> Result {
        let (training, validation) = try BundledData.load()
        var options = TrainingOptions()
        options.threads = threads
        var noiseStep: [Run] = [], adamSTE: [Run] = []
        for round in 1 ... max(1, rounds) {
            progress("round \(round)/\(rounds): noise-step to \(BenchTable.percent(target))")
            noiseStep.append(try run(Trainer(options: options, training: training), validation: validation))
            progress("round \(round)/\(rounds): adam-ste to \(BenchTable.percent(target))")
            adamSTE.append(try run(AdamSTETrainer(options: options, training: training), validation: validation))
        }
        return Result(target: target, checkEvery: checkEvery, maxSteps: maxSteps, threads: threads,
                      noiseStep: noiseStep, adamSTE: adamSTE)
    }

    /// Trains `trainer` until a check scores at least `target` on `validation`, or to `maxSteps`.
    func run<Model: RunTrainer>(_ trainer: Model, validation: Dataset) throws -> Run {
        let driver = RunDriver(trainer: trainer, validation: validation,
                               plan: try RunPlan(targetStep: maxSteps, evalEvery: checkEvery))
        let optimizer: Optimizer = trainer is AdamSTETrainer ? .adamSTE : .noiseStep
        let started = DispatchTime.now().uptimeNanoseconds
        var training = 0.0, checks = 0, accuracy = 0.0
        var reached: Int?
        while !driver.isAtTarget && reached == nil {
            let snapshot = try driver.step()
            training += snapshot.stepSeconds
            guard let score = driver.lastValidation, score.step == snapshot.step else { continue }
            checks += 1
            accuracy = score.accuracy
            if Double(score.correct) >= target * Double(score.total) - 1e-9 { reached = snapshot.step }
        }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Run(optimizer: optimizer, step: reached, accuracy: accuracy, trainingSeconds: training,
                   wallSeconds: wall, checks: checks)
    }
}
