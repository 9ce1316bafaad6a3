import Foundation
import NoiseStep

/// `bench --mpi`: what data-parallel training over MPI costs here, noise_step against
/// data-parallel Adam-STE, for 1, 2 and 4 ranks at the default configuration.
///
/// Each figure comes from `mpirun -n N noisestep …` children. Bytes are measured by Open
/// MPI's own monitoring component (`pml_monitoring`), which counts every byte each rank
/// hands its transport, collectives included; a run of `short` steps is subtracted from
/// one of `steps` steps, so start-up and shut-down traffic cancel and what is left is
/// bytes per step. Times are the children's training-loop wall time, medians of
/// `rounds` runs. Needs the MPI build and `mpirun`.
struct MPIBench {
    let executable: String
    var ranks = [1, 2, 4]
    var steps = 300
    var short = 20
    var rounds = 3
    let progress: (String) -> Void

    /// One rank count's figures.
    struct Row: Codable, Sendable {
        var ranks: Int
        var threadsPerRank: Int
        /// More ranks × threads than cores: the times then mean little.
        var oversubscribed: Bool
        var noiseStepMsPerStep: Double
        /// Bytes each rank sent per step, in rank order.
        var noiseStepBytesPerStep: [Int]
        var adamSTEMsPerStep: Double
        var adamSTEBytesPerStep: [Int]
    }

    func measure() throws -> [Row] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        return try ranks.map { count in
            let threads = max(1, cores / count)
            progress("\(count) rank(s), \(threads) thread(s) each")
            let noise = try measure(ranks: count, ["train", "--eval-every", "0", "--log-every", "1000000",
                                                    "--threads", String(threads)], stepsOption: "--steps")
            let adam = try measure(ranks: count, ["bench", "--threads", String(threads)], stepsOption: "--mpi-adam-steps")
            return Row(ranks: count, threadsPerRank: threads, oversubscribed: count * threads > cores,
                       noiseStepMsPerStep: noise.milliseconds, noiseStepBytesPerStep: noise.bytes,
                       adamSTEMsPerStep: adam.milliseconds, adamSTEBytesPerStep: adam.bytes)
        }
    }

    /// The median ms/step over `rounds` runs of `steps` steps, and each rank's bytes per
    /// step from the first of them against a run of `short` steps.
    private func measure(ranks: Int, _ arguments: [String], stepsOption: String) throws
        -> (milliseconds: Double, bytes: [Int]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-mpibench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func run(_ steps: Int, _ name: String) throws -> Double {
            let prefix = directory.appendingPathComponent(name).path
            let output = try MPIRun.run(ranks: ranks, [executable] + arguments + [stepsOption, String(steps)],
                                        monitoringPrefix: prefix)
            guard let match = output.firstMatch(of: /\(([0-9.]+) ms\/step\)/), let value = Double(match.1) else {
                throw CLIError("bench --mpi: no timing in the output of mpirun -n \(ranks): \(output.suffix(400))")
            }
            return value
        }
        _ = try run(short, "short")
        var times = [try run(steps, "long")]
        for round in 1 ..< rounds { times.append(try run(steps, "round\(round)")) }
        let bytes = (0 ..< ranks).map { rank in
            let long = MPIRun.bytesSent(prefix: directory.appendingPathComponent("long").path, rank: rank)
            let shorter = MPIRun.bytesSent(prefix: directory.appendingPathComponent("short").path, rank: rank)
            return Int((Double(long - shorter) / Double(steps - short)).rounded())
        }
        return (times.sorted()[times.count / 2], bytes)
    }

    /// The figures as a table, for the README.
    static func render(_ rows: [Row], steps: Int, cores: Int) -> String {
        var lines = ["mpi bench: default options (784→256→256→10, batch 1024 = 16 chunks, 128 samples), "
            + "\(steps) steps, bundled data, \(cores) cores",
                     "ranks  threads/rank  noise_step ms/step  steps/s  bytes/rank/step   Adam-STE ms/step  steps/s  bytes/rank/step"]
        for row in rows {
            func bytes(_ values: [Int]) -> String {
                let low = values.min() ?? 0, high = values.max() ?? 0
                return low == high ? String(low) : "\(low)–\(high)"
            }
            lines.append([
                String(row.ranks).padding(5), (String(row.threadsPerRank) + (row.oversubscribed ? " (over)" : "")).padding(12),
                Format.fixed(row.noiseStepMsPerStep, 2).padding(18), Format.fixed(1000 / row.noiseStepMsPerStep, 1).padding(7),
                bytes(row.noiseStepBytesPerStep).padding(16), Format.fixed(row.adamSTEMsPerStep, 2).padding(16),
                Format.fixed(1000 / row.adamSTEMsPerStep, 1).padding(7), bytes(row.adamSTEBytesPerStep),
            ].joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

extension MPIBench {
    /// `bench --mpi`: measures and prints the table (or one JSON array with `json`).
    /// - Throws: `CLIError` in a build without MPI, or when a child fails.
    static func report(executable: String, rounds: Int, json: Bool, progress: @escaping (String) -> Void) throws {
        #if !MPI
        throw CLIError("bench --mpi: this binary was built without MPI; build it with"
            + " `swift build -c release --traits MPI` (needs libopenmpi-dev)")
        #else
        let bench = MPIBench(executable: executable, rounds: rounds, progress: progress)
        let rows = try bench.measure()
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = .sortedKeys
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(render(rows, steps: bench.steps, cores: ProcessInfo.processInfo.activeProcessorCount))
        }
        #endif
    }

    /// `bench --mpi-adam-steps N`, run by `report` under mpirun: one rank of data-parallel
    /// Adam-STE.
    static func adamRank(steps: Int, threads: Int) throws {
        #if MPI
        try DataParallelAdam.runRank(steps: steps, threads: threads)
        #else
        throw CLIError("bench --mpi-adam-steps: this binary was built without MPI")
        #endif
    }
}
