import Foundation
import NoiseStep

/// One optimizer's training run on the bundled data at the default configuration, as
/// printed (one JSON line) by the child `noisestep bench --measure-run OPTIMIZER`.
struct ComparisonRun: Codable, Sendable {
    var optimizer: Optimizer
    var steps: Int
    /// On the bundled 500-image validation split, after the last step.
    var validationAccuracy: Double
    var medianStepMs: Double
    /// Wall time of all steps, evaluation excluded.
    var seconds: Double
    var stateBytesPerParameter: Double
    var scratchBytes: Int
    /// Peak resident memory of the child process; filled in by the parent.
    var peakResidentBytes: Int?
}

/// noise_step and Adam + STE trained the same number of steps on the same batches.
struct Comparison: Encodable, Sendable {
    var steps: Int
    var noiseStep: ComparisonRun
    var adamSTE: ComparisonRun

    private enum CodingKeys: String, CodingKey {
        case steps, noiseStep
        case adamSTE = "adamSte"
    }

    /// Runs each optimizer in its own child process of `executable`, one after the other,
    /// so that each has the machine to itself and its peak memory is its own.
    static func measure(executable: String, steps: Int, threads: Int,
                        progress: (String) -> Void) throws -> Comparison {
        func run(_ optimizer: Optimizer) throws -> ComparisonRun {
            progress("compare: \(steps) steps of \(optimizer.rawValue)")
            let command = [executable, "bench", "--measure-run", optimizer.rawValue,
                           "--compare-steps", "\(steps)", "--threads", "\(threads)"]
            let result = try ChildProcess.run(command)
            try BenchError.check(result, command: command)
            let line = result.output.split(separator: "\n").last { $0.hasPrefix("{") }
            guard let line, var measured = try? JSONDecoder().decode(ComparisonRun.self, from: Data(line.utf8)) else {
                throw BenchError.unreadableOutput(command: command.joined(separator: " "), tail: result.outputTail())
            }
            measured.peakResidentBytes = result.peakResidentBytes
            return measured
        }
        return Comparison(steps: steps, noiseStep: try run(.noiseStep), adamSTE: try run(.adamSTE))
    }
}
