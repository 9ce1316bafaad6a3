import Foundation
import NoiseStep

/// `bench --dashboard-memory`: a long dashboard session in tmux with the default options,
/// recording as always, and its resident memory along the way and at its peak. Memory
/// must stay flat: the steps go to the step log, the plots keep bounded series.
public struct DashboardMemoryBench {
    var executable: String
    var steps: Int
    var threads: Int
    var progress: (String) -> Void

    public init(executable: String, steps: Int, threads: Int, progress: @escaping (String) -> Void) {
        self.executable = executable
        self.steps = steps
        self.threads = threads
        self.progress = progress
    }

    public struct Sample: Encodable, Sendable {
        var step: Int
        var residentBytes: Int
    }

    public struct Result: Encodable, Sendable {
        var steps: Int
        var threads: Int
        var seconds: Double
        /// The dashboard's own peak (getrusage at exit), in bytes.
        var peakResidentBytes: Int
        /// VmRSS at about every tenth of the run.
        var samples: [Sample]
    }

    public func measure() throws -> Result {
        guard DashboardBench.tmuxAvailable else { throw BenchError.tmuxMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-memory-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = DashboardRun(executable: executable, directory: directory)
        defer { run.close() }
        let started = Date()
        let pid = try run.start(["--steps", "\(steps)", "--threads", "\(threads)"])
        var samples: [Sample] = []
        let every = max(1, steps / 10)
        try run.wait(forSteps: steps, timeout: Double(steps) / 20 + 600, every: 1) { step in
            guard step >= (samples.last.map { $0.step + every } ?? 0),
                  let resident = DashboardRun.residentBytes(of: pid) else { return }
            samples.append(Sample(step: step, residentBytes: resident))
            progress("step \(step): \(resident >> 20) MiB resident")
        }
        let seconds = Date().timeIntervalSince(started)
        let figures = try run.quit()
        return Result(steps: steps, threads: threads, seconds: seconds,
                      peakResidentBytes: figures.peakRssBytes, samples: samples)
    }
}

extension BenchTable {
    public static func render(_ result: DashboardMemoryBench.Result) -> String {
        let mib = { (bytes: Int) in fixed(Double(bytes) / Double(1 << 20), 1) + " MiB" }
        let along = result.samples.map { "step \($0.step): \(mib($0.residentBytes))" }.joined(separator: ", ")
        return """
            dashboard memory: \(result.steps) steps in tmux, default options, recording, \(result.threads) threads, \(fixed(result.seconds, 0)) s
              peak resident       \(mib(result.peakResidentBytes))   target ≤ 64 MiB: \(verdict(result.peakResidentBytes <= 64 << 20))
              along the way       \(along)
            """
    }
}
