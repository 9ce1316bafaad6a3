import Foundation
import NoiseStep

/// Every figure of one `noisestep bench` run. Times are medians in milliseconds, memory in
/// bytes. Encoded as one JSON object with snake_case keys for `--json`.
public struct BenchReport: Encodable, Sendable {
    struct Configuration: Encodable, Sendable {
        var widths: [Int]
        var parameters: Int
        var batch: Int
        var samples: Int
        var density: Double
        var schedule: String
        var threads: Int
        var rounds: Int
        /// Timed steps per round of each of our runs (after the warm-up).
        var stepsPerRound: Int
    }

    /// What persists between steps, and the scratch buffers beside it.
    struct Memory: Encodable, Sendable {
        var stateBytes: Int
        var modelBytes: Int
        var stateBytesPerParameter: Double
        var scratchBytes: Int
        var scratchBytesPerParameter: Double
        /// Peak resident memory of `trainingCommand`, run as a child process.
        var trainingPeakResidentBytes: Int
        var trainingCommand: String
    }

    /// The PyTorch reference, measured in the same run, interleaved with ours.
    struct Reference: Encodable, Sendable {
        var script: String
        var reverseStepMs: Double
        var jvpStepMs: Double
        var reverseStepMsByRound: [Double]
        var jvpStepMsByRound: [Double]
        var reverseSteps: Int
        var jvpSteps: Int
        /// The largest peak resident memory of its reverse-mode runs.
        var reversePeakResidentBytes: Int
    }

    /// One kernel alone on the chunks of the bench's batch (`KernelProbe`): milliseconds
    /// per batch, the GFLOP/s it executes, and that as a fraction of the machine's peak.
    struct KernelFigure: Encodable, Sendable {
        var name: String
        var milliseconds: Double
        var gflops: Double
        var fractionOfPeak: Double
    }

    /// The machine's own limit and our speed against it; inference speed.
    struct Machine: Encodable, Sendable {
        /// fp32 FMA peak of all workers together (`MachinePeak`), GFLOP/s.
        var peakGflops: Double
        var peakGflopsByRound: [Double]
        var kernels: [KernelFigure]
        /// The forward pass counting only the operations it executes (inked inputs only).
        var forwardPassExecutedGflops: Double
        /// `Evaluation.confusion` over the training split, as `noisestep eval` runs it.
        var evalImagesPerSecond: Double
        /// One pad prediction: MNIST-style preprocessing and class probabilities.
        var padPredictionMs: Double
    }

    /// A figure the project is judged against: met when `value ≤ limit`, or `value ≥ limit`
    /// for a floor.
    struct Target: Encodable, Sendable {
        var name: String
        var value: Double
        var limit: Double
        var isFloor: Bool
        var met: Bool

        init(name: String, value: Double, limit: Double, isFloor: Bool = false) {
            self.name = name
            self.value = value
            self.limit = limit
            self.isFloor = isFloor
            met = isFloor ? value >= limit : value <= limit
        }
    }

    var configuration: Configuration
    var reverseStepMs: Double
    var forwardStepMs: Double
    var reverseStepMsByRound: [Double]
    var forwardStepMsByRound: [Double]
    /// The reverse step with the product's default options (grey input, temperature,
    /// augmentation), which the reference cannot run; the rows above use the paper's setup.
    var defaultSetupReverseStepMs: Double
    /// One forward pass of a `batch`-example batch, and the dense-equivalent GFLOP/s it reaches.
    var forwardPassMs: Double
    var forwardPassMsByRound: [Double]
    var forwardPassGflops: Double
    var memory: Memory
    var reference: Reference?
    /// Why the reference was not run, when it was not.
    var referenceSkipped: String?
    var comparison: Comparison?
    var machine: Machine?

    /// The forward pass's dense-equivalent GFLOP/s as a fraction of the machine's peak.
    var forwardPassFractionOfPeak: Double? { machine.map { forwardPassGflops / $0.peakGflops } }

    /// Step times as multiples of our own forward pass.
    var reverseStepInForwardPasses: Double { reverseStepMs / forwardPassMs }
    var forwardStepInForwardPasses: Double { forwardStepMs / forwardPassMs }

    /// The issues' targets; the two ratios only when the reference ran.
    var targets: [Target] {
        var targets: [Target] = []
        if let reference {
            targets.append(Target(name: Target.reverseRatio, value: reverseStepMs / reference.reverseStepMs, limit: 0.2))
            targets.append(Target(name: Target.forwardRatio, value: forwardStepMs / reference.jvpStepMs, limit: 0.05))
        }
        targets.append(Target(name: Target.defaultStep, value: defaultSetupReverseStepMs, limit: 3.5))
        if let fraction = forwardPassFractionOfPeak {
            targets.append(Target(name: Target.forwardPassPeak, value: fraction, limit: 0.7, isFloor: true))
        }
        targets.append(Target(name: Target.stateBytes, value: memory.stateBytesPerParameter, limit: 0.25))
        return targets
    }

    /// The report as one line of JSON, the derived figures included.
    public func jsonLine() throws -> String {
        struct Encoded: Encodable {
            var report: BenchReport
            func encode(to encoder: Encoder) throws {
                try report.encode(to: encoder)
                enum Derived: String, CodingKey {
                    case reverseStepInForwardPasses, forwardStepInForwardPasses, forwardPassFractionOfPeak, targets
                }
                var container = encoder.container(keyedBy: Derived.self)
                try container.encode(report.reverseStepInForwardPasses, forKey: .reverseStepInForwardPasses)
                try container.encode(report.forwardStepInForwardPasses, forKey: .forwardStepInForwardPasses)
                try container.encodeIfPresent(report.forwardPassFractionOfPeak, forKey: .forwardPassFractionOfPeak)
                try container.encode(report.targets, forKey: .targets)
            }
        }
        return try JSONOutput.line(Encoded(report: self))
    }
}

extension BenchReport.Target {
    static let reverseRatio = "reverse step / reference reverse step"
    static let forwardRatio = "forward step / reference jvp step"
    static let defaultStep = "default-options step, ms"
    static let forwardPassPeak = "forward pass, dense-equivalent fraction of peak"
    static let stateBytes = "training state, bytes per parameter"
}
