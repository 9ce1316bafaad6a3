import Foundation
import NoiseStep

/// The default bench: `rounds` rounds of interleaved timings — our reverse step, the
/// reference's reverse step, our forward-mode step, the reference's jvp step, our
/// default-options step, our forward pass, the machine's FMA peak, each kernel alone,
/// `eval` and a pad prediction — so that a slow spell on a shared machine hits every
/// figure alike; then the memory figures. Every time is the median over rounds of each
/// round's median.
struct BenchSuite {
    /// The paper's training options (what the reference runs), with `threads` resolved.
    var options: TrainingOptions
    /// The product's default options, timed for one extra row.
    var defaultOptions: TrainingOptions
    var training: Dataset
    var validation: Dataset
    var rounds: Int
    /// Our runs: untimed steps of a fresh trainer, then timed steps, per round.
    var warmUpSteps = 2
    var timedSteps = 20
    var forwardPasses = 20
    /// The reference's runs per round; its summary median includes its first step.
    var reference: ReferenceRunner?
    var referenceSkipped: String?
    var referenceReverseSteps = 30
    var referenceJVPSteps = 4
    /// The running noisestep binary, for the headless training child.
    var executable: String
    var progress: (String) -> Void

    /// Every round's figures, in round order.
    private struct Samples {
        var reverse: [Double] = [], forward: [Double] = [], defaultReverse: [Double] = [], passes: [Double] = []
        var referenceReverse: [ReferenceRun] = [], referenceJVP: [ReferenceRun] = []
        var kernels: [KernelBench.Round] = []
    }

    func measure() throws -> BenchReport {
        let first = try Trainer(options: options, training: training)
        let model = first.model, batch = first.batchIndices(step: 1)
        let kernels = KernelBench(options: options, training: training, validation: validation)
        var samples = Samples()
        for round in 1 ... rounds { try measureRound(round, into: &samples, kernels: kernels, model: model, batch: batch) }
        let shape = ModelShape(hidden: options.hidden)
        let forwardPass = Statistics.median(samples.passes) ?? 0
        let operations = Double(ForwardPass.denseOperationsPerExample(shape) * options.batch)
        var report = BenchReport(
            configuration: configuration(shape),
            reverseStepMs: Statistics.median(samples.reverse) ?? 0, forwardStepMs: Statistics.median(samples.forward) ?? 0,
            reverseStepMsByRound: samples.reverse, forwardStepMsByRound: samples.forward,
            defaultSetupReverseStepMs: Statistics.median(samples.defaultReverse) ?? 0,
            forwardPassMs: forwardPass, forwardPassMsByRound: samples.passes,
            forwardPassGflops: operations / (forwardPass / 1000) / 1e9,
            memory: try memory(shape),
            reference: reference.map { referenceFigures($0, reverse: samples.referenceReverse, jvp: samples.referenceJVP) },
            referenceSkipped: referenceSkipped)
        report.machine = machineFigures(samples.kernels, counts: kernels.operations(model: model, batch: batch),
                                        forwardPassMs: forwardPass)
        return report
    }

    private func measureRound(_ round: Int, into samples: inout Samples, kernels: KernelBench, model: TernaryModel,
                              batch: [Int]) throws {
        let timings = EngineTimings(options: options, training: training)
        func step(_ name: String, _ body: () throws -> Void) rethrows {
            progress("round \(round)/\(rounds): \(name)")
            try body()
        }
        try step("noisestep --alignment reverse") {
            samples.reverse.append(try timings.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
        }
        if let reference {
            try step("reference --mode reverse") {
                samples.referenceReverse.append(try reference.run(mode: "reverse", steps: referenceReverseSteps))
            }
        }
        try step("noisestep --alignment forward") {
            samples.forward.append(try timings.stepMilliseconds(alignment: .forward, warmUp: warmUpSteps, steps: timedSteps))
        }
        if let reference {
            try step("reference --mode jvp") { samples.referenceJVP.append(try reference.run(mode: "jvp", steps: referenceJVPSteps)) }
        }
        try step("noisestep --alignment reverse, default options") {
            let defaults = EngineTimings(options: defaultOptions, training: training)
            samples.defaultReverse.append(try defaults.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
        }
        try step("forward passes") { samples.passes.append(try timings.forwardPassMilliseconds(warmUp: 2, passes: forwardPasses)) }
        step("FMA peak, kernels alone, eval, pad prediction") { samples.kernels.append(kernels.round(model: model, batch: batch)) }
    }

    /// The peak, each kernel's speed against it, and inference, as medians over rounds.
    private func machineFigures(_ rounds: [KernelBench.Round], counts: (kernels: [KernelProbe.Kernel: Double], forwardPass: Double),
                                forwardPassMs: Double) -> BenchReport.Machine {
        let peak = Statistics.median(rounds.map(\.peakGflops)) ?? 0
        let kernels = KernelProbe.Kernel.allCases.map { kernel in
            let milliseconds = Statistics.median(rounds.compactMap { $0.kernelMs[kernel] }) ?? 0
            let gflops = (counts.kernels[kernel] ?? 0) / (milliseconds / 1000) / 1e9
            return BenchReport.KernelFigure(name: kernel.rawValue, milliseconds: milliseconds, gflops: gflops,
                                            fractionOfPeak: gflops / peak)
        }
        return BenchReport.Machine(
            peakGflops: peak, peakGflopsByRound: rounds.map(\.peakGflops), kernels: kernels,
            forwardPassExecutedGflops: counts.forwardPass / (forwardPassMs / 1000) / 1e9,
            evalImagesPerSecond: Statistics.median(rounds.map(\.evalImagesPerSecond)) ?? 0,
            padPredictionMs: Statistics.median(rounds.map(\.padMs)) ?? 0)
    }

    private func configuration(_ shape: ModelShape) -> BenchReport.Configuration {
        BenchReport.Configuration(widths: shape.widths, parameters: shape.parameterCount, batch: options.batch,
                                  samples: options.samples, density: options.density,
                                  schedule: options.schedule.rawValue, threads: options.threads, rounds: rounds,
                                  stepsPerRound: timedSteps)
    }

    /// State and scratch of a noise_step trainer, and the peak memory of a headless run.
    private func memory(_ shape: ModelShape) throws -> BenchReport.Memory {
        let command = [executable, "train", "--steps", "200", "--log-every", "1000", "--threads", "\(options.threads)"]
        progress("memory: " + command.dropFirst().joined(separator: " "))
        let result = try ChildProcess.run(command)
        try BenchError.check(result, command: command)
        let footprint = TrainingFootprint.noiseStep(shape: shape, threads: options.threads, batch: options.batch)
        return BenchReport.Memory(
            stateBytes: footprint.stateBytes, modelBytes: TernaryModel(shape: shape).packedBytes,
            stateBytesPerParameter: footprint.stateBytesPerParameter,
            scratchBytes: footprint.scratchBytes, scratchBytesPerParameter: footprint.scratchBytesPerParameter,
            trainingPeakResidentBytes: result.peakResidentBytes,
            trainingCommand: "noisestep " + command.dropFirst().joined(separator: " "))
    }

    private func referenceFigures(_ runner: ReferenceRunner, reverse: [ReferenceRun], jvp: [ReferenceRun]) -> BenchReport.Reference {
        BenchReport.Reference(
            script: runner.script,
            reverseStepMs: Statistics.median(reverse.map(\.medianMilliseconds)) ?? 0,
            jvpStepMs: Statistics.median(jvp.map(\.medianMilliseconds)) ?? 0,
            reverseStepMsByRound: reverse.map(\.medianMilliseconds), jvpStepMsByRound: jvp.map(\.medianMilliseconds),
            reverseSteps: referenceReverseSteps, jvpSteps: referenceJVPSteps,
            reversePeakResidentBytes: reverse.map(\.peakResidentBytes).max() ?? 0)
    }
}
