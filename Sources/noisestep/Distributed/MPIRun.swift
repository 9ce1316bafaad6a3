import Foundation

/// Starts `mpirun` children for `bench --mpi` and reads what Open MPI's monitoring
/// component wrote about them.
enum MPIRun {
    /// What every mpirun here needs: room for more ranks than cores without busy
    /// spinning, permission to run as root, and no cross-memory attach (containers).
    static let environment = [
        "OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1",
        "OMPI_MCA_mpi_yield_when_idle": "1", "OMPI_MCA_btl_vader_single_copy_mechanism": "none",
    ]

    /// Runs `mpirun -n ranks command…` to its end with Open MPI's byte counting on, each
    /// rank's counts going to `monitoringPrefix.RANK.prof`.
    /// - Returns: stdout and stderr together.
    /// - Throws: `CLIError` when mpirun cannot start or the job fails.
    static func run(ranks: Int, _ command: [String], monitoringPrefix: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["mpirun", "-n", String(ranks), "--oversubscribe", "--bind-to", "none"] + command
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }.merging([
            "OMPI_MCA_pml_monitoring_enable": "1", "OMPI_MCA_pml_monitoring_enable_output": "3",
            "OMPI_MCA_pml_monitoring_filename": monitoringPrefix,
        ]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw CLIError("bench --mpi: cannot start mpirun (\(error)); install openmpi-bin")
        }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CLIError("bench --mpi: mpirun -n \(ranks) \(command.dropFirst().joined(separator: " ")) failed"
                + " (status \(process.terminationStatus)): \(output.suffix(600))")
        }
        return output
    }

    /// Bytes rank `rank` sent to all its peers, from its monitoring file: the sum of its
    /// "E" lines (`E <from> <to> <bytes> bytes <messages> msgs sent …`); 0 without one.
    static func bytesSent(prefix: String, rank: Int) -> Int {
        guard let text = try? String(contentsOfFile: "\(prefix).\(rank).prof", encoding: .utf8) else { return 0 }
        return text.split(separator: "\n").reduce(0) { total, line in
            let fields = line.split(separator: "\t")
            guard fields.count >= 4, fields[0] == "E", let bytes = Int(fields[3].split(separator: " ")[0]) else {
                return total
            }
            return total + bytes
        }
    }
}
