import Dispatch
import NoiseStep

/// Times the engine inside this process: training steps of a fresh run, and forward passes
/// of one batch. Each figure is a median over repetitions that follow a short warm-up.
struct EngineTimings {
    let options: TrainingOptions
    let training: Dataset

    /// Median milliseconds per step over `steps` steps of a fresh run with `alignment`,
    /// after `warmUp` untimed steps.
    func stepMilliseconds(alignment: AlignmentEngine, warmUp: Int, steps: Int) throws -> Double {
        var options = self.options
        options.alignment = alignment
        let trainer = try Trainer(options: options, training: training)
        for _ in 0 ..< warmUp { _ = trainer.step() }
        let times = (0 ..< max(1, steps)).map { _ in Self.milliseconds { _ = trainer.step() } }
        return Statistics.median(times) ?? 0
    }

    /// Median milliseconds of one forward pass (encode, every layer, loss) over the batch
    /// of step 1, with the run's initial weights, after `warmUp` untimed passes.
    func forwardPassMilliseconds(warmUp: Int, passes: Int) throws -> Double {
        let trainer = try Trainer(options: options, training: training)
        let pass = ForwardPass(model: trainer.model, data: training, encoding: options.input, threads: options.threads)
        let batch = trainer.batchIndices(step: 1)
        for _ in 0 ..< warmUp { _ = pass.run(batch) }
        let times = (0 ..< max(1, passes)).map { _ in Self.milliseconds { _ = pass.run(batch) } }
        return Statistics.median(times) ?? 0
    }

    /// Wall time of `body`, in milliseconds.
    static func milliseconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }
}
