import Foundation
@testable import noisestep

/// The MPI build of `noisestep` and Open MPI's `mpirun`, for the end-to-end tests of
/// `mpirun -n N noisestep …`. The README's `swift test` builds without the MPI trait, so
/// the first test that needs the MPI binary builds it, once, into `.build-mpi`.
enum MPIBinary {
    /// Why the MPI tests cannot run here, or nil when they can.
    static let unavailableReason: String? = {
        guard let _ = mpirun else { return "mpirun is not installed (apt-get install openmpi-bin)" }
        guard shell(["pkg-config", "--exists", "ompi-c"]) == 0 else {
            return "Open MPI's headers are not installed (apt-get install libopenmpi-dev)"
        }
        return nil
    }()

    static var isAvailable: Bool { unavailableReason == nil }

    static let mpirun: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/mpirun" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The binary built with `--traits MPI`, or why it could not be built.
    static let build: Result<String, BuildFailure> = {
        let scratch = BinaryUnderTest.packageRoot.appendingPathComponent(".build-mpi").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-mpi-build.log").path
        let status = shell(["swift", "build", "--traits", "MPI", "--scratch-path", scratch, "--product", "noisestep"],
                           directory: BinaryUnderTest.packageRoot, output: log)
        guard status == 0 else {
            return .failure(BuildFailure(log: (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""))
        }
        return .success(scratch + "/debug/noisestep")
    }()

    struct BuildFailure: Error, CustomStringConvertible {
        let log: String
        var description: String { "swift build --traits MPI failed:\n\(log.suffix(3000))" }
    }

    /// What every mpirun here needs, as `bench --mpi` sets it: permission to run as root
    /// (CI does), no busy spinning, no cross-memory attach (containers).
    static var environment: [String: String] { MPIRun.environment }

    /// `mpirun -n ranks noisestep arguments…` as a process, not yet started; its output
    /// goes to files in `directory`.
    static func process(ranks: Int, _ arguments: [String], directory: URL) throws -> Process {
        let binary = try build.get()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: mpirun ?? "mpirun")
        process.arguments = ["-n", String(ranks), "--oversubscribe", "--bind-to", "none", binary] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Runs `mpirun -n ranks noisestep arguments…` to completion.
    static func run(ranks: Int, _ arguments: [String], directory: URL) throws -> BinaryUnderTest.Outcome {
        let process = try process(ranks: ranks, arguments, directory: directory)
        defer { stop(process) }
        return try Spawning.runToEnd(process, "mpirun -n \(ranks) \(arguments.joined(separator: " ")) to end")
    }

    /// Runs a tool to completion, its output to `output` (default: nowhere); its status.
    @discardableResult
    static func shell(_ arguments: [String], directory: URL? = nil, output: String? = nil) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let output, let handle = try? Spawning.outputFile(URL(fileURLWithPath: output)) {
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        guard (try? Spawning.start(process)) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The process of rank `rank` among the children of `mpirun`, from /proc.
    static func rank(_ rank: Int, of mpirun: Int32) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).first { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")"),
                  stat[close...].split(separator: " ").dropFirst(2).first == Substring(String(mpirun)),
                  let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return environment.split(separator: 0).contains { Data($0) == Data("OMPI_COMM_WORLD_RANK=\(rank)".utf8) }
        }
    }

    /// Stops `mpirun` and its ranks if a failure left them running.
    static func stop(_ job: Process) {
        guard job.isRunning else { return }
        let ranks = (0 ..< 8).compactMap { rank($0, of: job.processIdentifier) }
        job.terminate()
        try? Spawning.waitUntil("mpirun to stop", seconds: 10) { !job.isRunning }
        if job.isRunning { kill(job.processIdentifier, SIGKILL) }
        for pid in ranks { kill(pid, SIGKILL) }
        job.waitUntilExit()
    }
}
