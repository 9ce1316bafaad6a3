import Foundation
import NoiseStep

/// The default bench: `rounds` rounds of interleaved timings — our reverse step, the
/// reference's reverse step, our forward-mode step, the reference's jvp step, our forward
/// pass — so that a slow spell on a shared machine hits both sides alike; then the memory
/// figures. Every time is the median over rounds of each round's median.
struct BenchSuite {
    /// The paper's training options (what the reference runs), with `threads` resolved.
    var options: TrainingOptions
    /// The product's default options, timed for one extra row.
    var defaultOptions: TrainingOptions
    var training: Dataset
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

    func measure() throws -> BenchReport {
        let timings = EngineTimings(options: options, training: training)
        let defaultTimings = EngineTimings(options: defaultOptions, training: training)
        var reverse: [Double] = [], forward: [Double] = [], passes: [Double] = [], defaultReverse: [Double] = []
        var referenceReverse: [ReferenceRun] = [], referenceJVP: [ReferenceRun] = []
        for round in 1 ... rounds {
            progress("round \(round)/\(rounds): noisestep --alignment reverse")
            reverse.append(try timings.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            if let reference {
                progress("round \(round)/\(rounds): reference --mode reverse")
                referenceReverse.append(try reference.run(mode: "reverse", steps: referenceReverseSteps))
            }
            progress("round \(round)/\(rounds): noisestep --alignment forward")
            forward.append(try timings.stepMilliseconds(alignment: .forward, warmUp: warmUpSteps, steps: timedSteps))
            if let reference {
                progress("round \(round)/\(rounds): reference --mode jvp")
                referenceJVP.append(try reference.run(mode: "jvp", steps: referenceJVPSteps))
            }
            progress("round \(round)/\(rounds): noisestep --alignment reverse, default options")
            defaultReverse.append(try defaultTimings.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            progress("round \(round)/\(rounds): forward passes")
            passes.append(try timings.forwardPassMilliseconds(warmUp: 2, passes: forwardPasses))
        }
        let forwardPass = Statistics.median(passes) ?? 0
        let shape = ModelShape(hidden: options.hidden)
        let operations = Double(ForwardPass.denseOperationsPerExample(shape) * options.batch)
        return BenchReport(
            configuration: configuration(shape),
            reverseStepMs: Statistics.median(reverse) ?? 0, forwardStepMs: Statistics.median(forward) ?? 0,
            reverseStepMsByRound: reverse, forwardStepMsByRound: forward,
            defaultSetupReverseStepMs: Statistics.median(defaultReverse) ?? 0,
            forwardPassMs: forwardPass, forwardPassMsByRound: passes,
            forwardPassGflops: operations / (forwardPass / 1000) / 1e9,
            memory: try memory(shape),
            reference: reference.map { referenceFigures($0, reverse: referenceReverse, jvp: referenceJVP) },
            referenceSkipped: referenceSkipped)
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
