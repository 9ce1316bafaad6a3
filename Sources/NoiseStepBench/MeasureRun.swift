import Foundation
import NoiseStep

/// One optimizer trained on the bundled data at the default configuration, reduced to the
/// figures `bench --compare` shows. `bench --compare` runs it in a child process
/// (`noisestep bench --measure-run OPTIMIZER`), so that the child's peak memory is this
/// run's alone.
public struct MeasureRun {
    public var optimizer: Optimizer
    public var steps: Int
    public var threads: Int
    public var learningRate = AdamSettings().learningRate

    public init(optimizer: Optimizer, steps: Int, threads: Int) {
        self.optimizer = optimizer
        self.steps = steps
        self.threads = threads
    }

    /// Trains, evaluates on the validation split, and returns the figures as one JSON line.
    public func run() throws -> String {
        let (training, validation) = try BundledData.load()
        var options = TrainingOptions()
        options.threads = threads
        var times: [Double] = []
        let accuracy: Double, footprint: TrainingFootprint
        switch optimizer {
        case .noiseStep:
            let trainer = try Trainer(options: options, training: training)
            for _ in 0 ..< steps { times.append(EngineTimings.milliseconds { _ = trainer.step() }) }
            accuracy = trainer.accuracy(on: validation)
            footprint = TrainingFootprint.noiseStep(shape: trainer.model.shape, threads: threads, batch: options.batch)
        case .adamSTE:
            let trainer = try AdamSTETrainer(options: options, training: training, learningRate: learningRate)
            for _ in 0 ..< steps { times.append(EngineTimings.milliseconds { _ = trainer.step() }) }
            accuracy = trainer.accuracy(on: validation)
            footprint = trainer.footprint
        }
        let figures = ComparisonRun(optimizer: optimizer, steps: steps, validationAccuracy: accuracy,
                                    medianStepMs: Statistics.median(times) ?? 0, seconds: times.reduce(0, +) / 1000,
                                    stateBytesPerParameter: footprint.stateBytesPerParameter,
                                    scratchBytes: footprint.scratchBytes)
        return try JSONOutput.line(figures)
    }
}
