import Dispatch
import NoiseStep

/// `bench --time-to A`: how soon a default run is good. For noise_step and for Adam-STE
/// (same model, options, seed and batches), the training seconds until the bundled
/// validation split first scores at least A; with the PyTorch peer, also its Adam-STE on
/// the same model, batch and split, as a PyTorch user would train it.
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
    /// The model, trained with its own defaults.
    public var model: ModelPreset = .mlp
    /// The peer, or why it is skipped (`prepareReference`).
    var reference: ReferenceRunner?
    var referenceSkipped: String?

    public init(target: Double, threads: Int) {
        self.target = target
        self.threads = threads
    }

    /// The options both optimizers train with: the model's defaults.
    var options: TrainingOptions {
        var options = model.trainingOptions
        options.threads = threads
        return options
    }

    /// Finds the peer as `choice` says and gives it the bundled split. Call `cleanUp()` when done.
    public mutating func prepareReference(_ choice: ReferenceChoice) throws {
        let (script, skipped) = try Bench.referenceScript(choice)
        referenceSkipped = skipped
        guard let script else { return }
        let (training, validation) = try BundledData.load()
        reference = try ReferenceRunner(script: script, training: training, validation: validation, threads: threads)
    }

    public func cleanUp() { reference?.cleanUp() }

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
        public var model = ModelPreset.mlp.rawValue
        public var noiseStep: [Run]
        public var adamSTE: [Run]
        /// The PyTorch peer's Adam-STE on the same model, batch and split; empty when skipped.
        public var referenceAdamSTE: [ReferenceRun] = []
        public var referenceSkipped: String?

        /// One run of the peer: the first checked step that reached the target (nil if
        /// none did) and its steps' own seconds to it.
        public struct ReferenceRun: Codable, Sendable, Equatable {
            public var step: Int?
            public var accuracy: Double?
            public var trainingSeconds: Double
        }

        /// The median of `value` over the rounds that reached the target; nil if none did.
        static func median(_ runs: [Run], _ value: (Run) -> Double) -> Double? {
            Statistics.median(runs.filter { $0.step != nil }.map(value))
        }
        public var noiseStepSeconds: Double? { Self.median(noiseStep, \.trainingSeconds) }
        public var adamSTESeconds: Double? { Self.median(adamSTE, \.trainingSeconds) }
        public var referenceAdamSTESeconds: Double? {
            Statistics.median(referenceAdamSTE.filter { $0.step != nil }.map(\.trainingSeconds))
        }
    }

    /// Alternates the two optimizers for `rounds` rounds on the bundled data.
    /// - Throws: `DataError` when the bundled data cannot be read, or a `LimitViolation`.
    public func measure(progress: (String) -> Void) throws -> Result {
        let (training, validation) = try BundledData.load()
        let options = options
        var noiseStep: [Run] = [], adamSTE: [Run] = [], peer: [Result.ReferenceRun] = []
        for round in 1 ... max(1, rounds) {
            progress("round \(round)/\(rounds): noise-step to \(BenchTable.percent(target))")
            noiseStep.append(try run(Trainer(options: options, training: training), validation: validation))
            progress("round \(round)/\(rounds): adam-ste to \(BenchTable.percent(target))")
            adamSTE.append(try run(AdamSTETrainer(options: options, training: training), validation: validation))
            if let reference, var arguments = ReferenceRunner.arguments(for: options) {
                progress("round \(round)/\(rounds): the PyTorch peer's adam-ste to \(BenchTable.percent(target))")
                arguments += ["--shift", "\(options.augmentation.shift)"]
                let run = try reference.runToTarget(mode: "adam-ste", target: target, checkEvery: checkEvery,
                                                    steps: maxSteps, options: arguments)
                peer.append(Result.ReferenceRun(step: run.reachedStep, accuracy: run.checkedAccuracy,
                                                trainingSeconds: run.trainingSeconds))
            }
        }
        return Result(target: target, checkEvery: checkEvery, maxSteps: maxSteps, threads: threads,
                      model: model.rawValue, noiseStep: noiseStep, adamSTE: adamSTE, referenceAdamSTE: peer,
                      referenceSkipped: referenceSkipped)
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
