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

    /// A figure the project is judged against: met when `value ≤ limit`.
    struct Target: Encodable, Sendable {
        var name: String
        var value: Double
        var limit: Double
        var met: Bool

        init(name: String, value: Double, limit: Double) {
            self.name = name
            self.value = value
            self.limit = limit
            met = value <= limit
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

    /// Step times as multiples of our own forward pass.
    var reverseStepInForwardPasses: Double { reverseStepMs / forwardPassMs }
    var forwardStepInForwardPasses: Double { forwardStepMs / forwardPassMs }

    /// The targets; the two ratios only when the reference ran.
    var targets: [Target] {
        var targets: [Target] = []
        if let reference {
            targets.append(Target(name: "reverse step / reference reverse step", value: reverseStepMs / reference.reverseStepMs, limit: 0.5))
            targets.append(Target(name: "forward step / reference jvp step", value: forwardStepMs / reference.jvpStepMs, limit: 0.05))
        }
        targets.append(Target(name: "training state, bytes per parameter", value: memory.stateBytesPerParameter, limit: 0.25))
        return targets
    }

    /// The report as one line of JSON, the derived figures included.
    public func jsonLine() throws -> String {
        struct Encoded: Encodable {
            var report: BenchReport
            func encode(to encoder: Encoder) throws {
                try report.encode(to: encoder)
                enum Derived: String, CodingKey {
                    case reverseStepInForwardPasses, forwardStepInForwardPasses, targets
                }
                var container = encoder.container(keyedBy: Derived.self)
                try container.encode(report.reverseStepInForwardPasses, forKey: .reverseStepInForwardPasses)
                try container.encode(report.forwardStepInForwardPasses, forKey: .forwardStepInForwardPasses)
                try container.encode(report.targets, forKey: .targets)
            }
        }
        return try BenchJSON.line(Encoded(report: self))
    }
}

/// The bench's JSON: one line, snake_case keys, sorted so that runs diff cleanly.
public enum BenchJSON {
    public static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
