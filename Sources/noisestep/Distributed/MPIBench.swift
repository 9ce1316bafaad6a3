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
/// `rounds` interleaved runs. Needs the MPI build and `mpirun`.
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

    /// What one child trains: noise_step through `train`, or a rank of data-parallel
    /// Adam-STE through the hidden `bench --mpi-adam-steps`.
    enum Workload: CaseIterable {
        case noiseStep, adamSTE

        func command(executable: String, threads: Int, steps: Int) -> [String] {
            switch self {
            case .noiseStep:
                return [executable, "train", "--eval-every", "0", "--log-every", "1000000", "--threads", String(threads),
                        "--steps", String(steps)]
            case .adamSTE:
                return [executable, "bench", "--threads", String(threads), "--mpi-adam-steps", String(steps)]
            }
        }
    }

    /// Runs every (ranks, workload) once for `short` steps, then `rounds` times for
    /// `steps` steps, the rounds interleaved so that a change in the machine's load
    /// falls on every configuration alike.
    func measure() throws -> [Row] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-mpibench-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configurations = ranks.flatMap { count in Workload.allCases.map { (ranks: count, workload: $0) } }
        var times = [[Double]](repeating: [], count: configurations.count)
        for round in -1 ..< rounds {
            progress(round < 0 ? "short runs, for the bytes" : "round \(round + 1) of \(rounds)")
            for (index, configuration) in configurations.enumerated() {
                let threads = max(1, cores / configuration.ranks)
                let command = configuration.workload.command(executable: executable, threads: threads,
                                                             steps: round < 0 ? short : steps)
                let prefix = directory.appendingPathComponent("\(index)-\(round < 0 ? "short" : "long\(round)")").path
                let milliseconds = try Self.timing(MPIRun.run(ranks: configuration.ranks, command, monitoringPrefix: prefix))
                if round >= 0 { times[index].append(milliseconds) }
            }
        }
        return ranks.map { count in
            let threads = max(1, cores / count)
            func figures(_ workload: Workload) -> (Double, [Int]) {
                let index = configurations.firstIndex { $0 == (count, workload) } ?? 0
                let prefix = directory.appendingPathComponent(String(index)).path
                return (times[index].sorted()[times[index].count / 2], bytesPerStep(prefix: prefix, ranks: count))
            }
            let (noiseTime, noiseBytes) = figures(.noiseStep), (adamTime, adamBytes) = figures(.adamSTE)
            return Row(ranks: count, threadsPerRank: threads, oversubscribed: count * threads > cores,
                       noiseStepMsPerStep: noiseTime, noiseStepBytesPerStep: noiseBytes,
                       adamSTEMsPerStep: adamTime, adamSTEBytesPerStep: adamBytes)
        }
    }

    /// Each rank's bytes per step: its bytes in the first long run less those in the
    /// short run, over the steps between them.
    private func bytesPerStep(prefix: String, ranks: Int) -> [Int] {
        (0 ..< ranks).map { rank in
            let long = MPIRun.bytesSent(prefix: prefix + "-long0", rank: rank)
            let shorter = MPIRun.bytesSent(prefix: prefix + "-short", rank: rank)
            return Int((Double(long - shorter) / Double(steps - short)).rounded())
        }
    }

    /// The "(M ms/step)" a child's rank 0 printed.
    static func timing(_ output: String) throws -> Double {
        guard let match = output.firstMatch(of: /\(([0-9.]+) ms\/step\)/), let value = Double(match.1) else {
            throw CLIError("bench --mpi: no timing in a child's output: \(output.suffix(400))")
        }
        return value
    }

    /// The figures as a table, for the README.
    static func render(_ rows: [Row], steps: Int, cores: Int) -> String {
        var lines = ["mpi bench: default options (784→256→256→10, batch 1024 = 16 chunks, "
            + "\(TrainingOptions().samples) samples), "
            + "\(steps) steps, bundled data, \(cores) cores",
                     "ranks  threads/rank  noise_step ms/step  steps/s  bytes/rank/step   Adam-STE ms/step  steps/s  bytes/rank/step"]
        for row in rows {
            func bytes(_ values: [Int]) -> String {
                let low = values.min() ?? 0, high = values.max() ?? 0
                return low == high ? String(low) : "\(low)–\(high)"
            }
            lines.append([
                String(row.ranks).padding(5), (String(row.threadsPerRank) + (row.oversubscribed ? " (over)" : "")).padding(12),
                NumberFormat.fixed(row.noiseStepMsPerStep, 2).padding(18), NumberFormat.fixed(1000 / row.noiseStepMsPerStep, 1).padding(7),
                bytes(row.noiseStepBytesPerStep).padding(16), NumberFormat.fixed(row.adamSTEMsPerStep, 2).padding(16),
                NumberFormat.fixed(1000 / row.adamSTEMsPerStep, 1).padding(7), bytes(row.adamSTEBytesPerStep),
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
            print(try JSONOutput.line(rows))
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
