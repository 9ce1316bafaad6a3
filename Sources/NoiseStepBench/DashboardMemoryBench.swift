import Foundation
import NoiseStep

/// `bench --dashboard-memory`: a long dashboard session in tmux with the default options
/// (or another batch), recording as always, and its resident memory along the way, at a
/// reference step and at its end. Memory must stay flat: the steps go to the step log,
/// the plots keep bounded series; the verdict is the growth from the reference step
/// (100,000, or half the run if shorter) to the end, against `allowedGrowth`.
public struct DashboardMemoryBench {
    /// The most the resident memory may grow from the reference step to the end.
    public static let allowedGrowth = 8 << 20
    var executable: String
    var steps: Int
    var threads: Int
    var batch: Int?
    var progress: (String) -> Void

    public init(executable: String, steps: Int, threads: Int, batch: Int? = nil,
                progress: @escaping (String) -> Void) {
        self.executable = executable
        self.steps = steps
        self.threads = threads
        self.batch = batch
        self.progress = progress
    }

    /// The step whose memory the end is compared with.
    var referenceStep: Int { min(100_000, steps / 2) }

    public struct Sample: Encodable, Sendable {
        var step: Int
        var residentBytes: Int
    }

    public struct Result: Encodable, Sendable {
        var steps: Int
        var threads: Int
        var batch: Int?
        var seconds: Double
        /// The dashboard's own peak (getrusage at exit), in bytes.
        var peakResidentBytes: Int
        /// VmRSS at about every tenth of the run, at the reference step and at the end.
        var samples: [Sample]
        var referenceStep: Int
        /// VmRSS at the first poll at or after the reference step, and at the end.
        var residentAtReference: Int
        var residentAtEnd: Int
        var growth: Int { residentAtEnd - residentAtReference }
    }

    public func measure() throws -> Result {
        guard DashboardBench.tmuxAvailable else { throw BenchError.tmuxMissing }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-memory-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = DashboardRun(executable: executable, directory: directory)
        defer { run.close() }
        let started = Date()
        let pid = try run.start(["--steps", "\(steps)", "--threads", "\(threads)"] + (batch.map { ["--batch", "\($0)"] } ?? []))
        var samples: [Sample] = [], reference: Sample?
        let every = max(1, steps / 10)
        // A poll reads the whole log: every second at first, then every 20,000 steps' worth.
        try run.wait(forSteps: steps, timeout: Double(steps) / 20 + 600, interval: { max(1, Double($0) / 20_000) }) { step in
            let due = step >= (samples.last.map { $0.step + every } ?? 0)
            let isReference = reference == nil && step >= referenceStep
            guard due || isReference || step >= steps, let resident = DashboardRun.residentBytes(of: pid) else { return }
            let sample = Sample(step: step, residentBytes: resident)
            if isReference { reference = sample }
            samples.append(sample)
            progress("step \(step): \(resident >> 20) MiB resident")
        }
        let seconds = Date().timeIntervalSince(started)
        let end = samples.last?.residentBytes ?? 0
        let figures = try run.quit()
        return Result(steps: steps, threads: threads, batch: batch, seconds: seconds,
                      peakResidentBytes: figures.peakRssBytes, samples: samples,
                      referenceStep: reference?.step ?? referenceStep,
                      residentAtReference: reference?.residentBytes ?? 0, residentAtEnd: end)
    }
}

extension BenchTable {
    public static func render(_ result: DashboardMemoryBench.Result) -> String {
        let mib = { (bytes: Int) in fixed(Double(bytes) / Double(1 << 20), 1) + " MiB" }
        let along = result.samples.map { "step \($0.step): \(mib($0.residentBytes))" }.joined(separator: ", ")
        let options = result.batch.map { "default options but batch \($0)" } ?? "default options"
        let growth = result.growth
        return """
            dashboard memory: \(result.steps) steps in tmux, \(options), recording, \(result.threads) threads, \(fixed(result.seconds, 0)) s
              peak resident       \(mib(result.peakResidentBytes))
              at step \(result.referenceStep)  \(mib(result.residentAtReference)); at the end \(mib(result.residentAtEnd)); growth \(growth < 0 ? "−" : "+")\(mib(abs(growth)))   target ≤ 8 MiB: \(verdict(growth <= DashboardMemoryBench.allowedGrowth))
              along the way       \(along)
            """
    }
}
