import Dispatch
import NoiseStep

/// The bench's figures against the machine's own limit, and inference speed: the FMA peak,
/// each kernel alone on the chunks of a real batch, `eval` throughput and the latency of
/// one pad prediction. One `round()` measures each once; rounds are interleaved with the
/// rest of the bench and reduced to medians.
struct KernelBench {
    let options: TrainingOptions
    let training: Dataset
    let validation: Dataset
    /// Runs of each kernel per chunk, after one untimed load.
    var kernelRepetitions = 40
    /// Whole evaluations of the training split per round.
    var evaluations = 3
    /// Drawn validation digits predicted per round.
    var pads = 100

    /// One round's measurements.
    struct Round {
        var peakGflops: Double
        /// [kernel] → milliseconds per batch.
        var kernelMs: [KernelProbe.Kernel: Double]
        var evalImagesPerSecond: Double
        var padMs: Double
    }

    func round(model: TernaryModel, batch: [Int]) -> Round {
        let peak = MachinePeak.gflops(threads: options.threads)
        let probe = KernelProbe(model: model, data: training, encoding: options.input, batch: batch,
                                threads: options.threads)
        var kernels: [KernelProbe.Kernel: Double] = [:]
        for kernel in KernelProbe.Kernel.allCases {
            kernels[kernel] = probe.measure(kernel, repetitions: kernelRepetitions).seconds * 1000
        }
        return Round(peakGflops: peak, kernelMs: kernels, evalImagesPerSecond: evalRate(model),
                     padMs: padMilliseconds(model))
    }

    /// Operations each kernel executes on the batch, and a whole forward pass.
    func operations(model: TernaryModel, batch: [Int]) -> (kernels: [KernelProbe.Kernel: Double], forwardPass: Double) {
        let probe = KernelProbe(model: model, data: training, encoding: options.input, batch: batch, threads: 1)
        var kernels: [KernelProbe.Kernel: Double] = [:]
        for kernel in KernelProbe.Kernel.allCases { kernels[kernel] = probe.measure(kernel, repetitions: 1).operations }
        return (kernels, probe.forwardPassOperations())
    }

    /// Images per second of `Evaluation.confusion` over the training split, as
    /// `noisestep eval` runs it (workers and expanded weights made per call).
    private func evalRate(_ model: TernaryModel) -> Double {
        let seconds = EngineTimings.milliseconds {
            for _ in 0 ..< evaluations {
                _ = try? Evaluation.confusion(of: model, on: training, encoding: options.input, threads: options.threads)
            }
        } / 1000
        return Double(evaluations * training.count) / seconds
    }

    /// Median milliseconds of one pad prediction (the dashboard's path: MNIST-style
    /// preprocessing of the pad, then class probabilities), over drawn validation digits.
    private func padMilliseconds(_ model: TernaryModel) -> Double {
        let drawings = (0 ..< pads).map { DrawnDigits.pad(for: validation, index: $0 % validation.count, seed: 0) }
        let times = drawings.map { pad in
            EngineTimings.milliseconds {
                if let image = PadPreprocessing.mnistStyle(pad) {
                    precondition(model.classProbabilities(pixels: image, encoding: options.input,
                                                               temperature: options.temperature).count > 0)
                }
            }
        }
        return Statistics.median(times) ?? 0
    }
}
