import Foundation
import NoiseStep

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
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase  // `JSONOutput`'s keys
            guard let line, var measured = try? decoder.decode(ComparisonRun.self, from: Data(line.utf8)) else {
                throw BenchError.unreadableOutput(command: command.joined(separator: " "), tail: result.outputTail())
            }
            measured.peakResidentBytes = result.peakResidentBytes
            return measured
        }
        return Comparison(steps: steps, noiseStep: try run(.noiseStep), adamSTE: try run(.adamSTE))
    }
}
