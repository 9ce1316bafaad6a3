import Foundation
import NoiseStep

/// The PyTorch reference (`ref_noise_step.py`) run as a child process on the bundled
/// data at the default configuration, so that its step time can be set beside ours.
///
/// The script wants MNIST-named train and t10k files; a temporary folder links both
/// names to the bundled training files (only the timing matters). Call `cleanUp()` when done.
struct ReferenceRunner {
    static let scriptName = "ref_noise_step.py"
    let script: String
    let threads: Int
    let dataDirectory: String

    /// `explicit` if given, else `shared/bench/ref_noise_step.py` under an ancestor of the
    /// current directory or of the executable (the repository's `../shared`).
    static func locate(explicit: String?) -> String? {
        if let explicit { return FileManager.default.fileExists(atPath: explicit) ? explicit : nil }
        let starts = [FileManager.default.currentDirectoryPath, ChildProcess.currentExecutable()].compactMap { $0 }
        for start in starts {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent("shared/bench/\(scriptName)").path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// Nil when `python3` can import torch; otherwise why the reference is skipped.
    static func unavailableReason() -> String? {
        guard let result = try? ChildProcess.run(["python3", "-c", "import torch"]) else {
            return "python3 cannot be started"
        }
        return result.succeeded ? nil : "python3 cannot import torch"
    }

    /// Prepares the data folder from the bundled MNIST files in `bundledDirectory`.
    init(script: String, bundledDirectory: String, threads: Int) throws(BenchError) {
        self.script = script
        self.threads = threads
        let manager = FileManager.default
        dataDirectory = manager.temporaryDirectory.appendingPathComponent("noisestep-bench-\(getpid())").path
        do {
            try? manager.removeItem(atPath: dataDirectory)
            try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            for kind in ["images-idx3-ubyte", "labels-idx1-ubyte"] {
                // The script opens a file with gzip when its name ends in .gz, so keep the suffix.
                let compressed = manager.fileExists(atPath: "\(bundledDirectory)/train-\(kind).gz")
                let suffix = compressed ? ".gz" : ""
                let target = "\(bundledDirectory)/train-\(kind)\(suffix)"
                for prefix in ["train", "t10k"] {
                    try manager.createSymbolicLink(atPath: "\(dataDirectory)/\(prefix)-\(kind)\(suffix)",
                                                   withDestinationPath: target)
                }
            }
        } catch {
            throw .cannotPrepareData(dataDirectory, reason: error.localizedDescription)
        }
    }

    /// Runs the reference for `steps` steps of `mode` (reverse or jvp) and reads its summary.
    func run(mode: String, steps: Int) throws(BenchError) -> ReferenceRun {
        let command = ["python3", script, "--train", dataDirectory, "--test", dataDirectory, "--mode", mode,
                       "--steps", "\(steps)", "--log-every", "\(steps + 1)", "--threads", "\(threads)", "--seed", "0"]
        let result = try ChildProcess.run(command)
        try BenchError.check(result, command: command)
        guard let median = Self.summaryMedian(result.output) else {
            throw .unreadableOutput(command: command.joined(separator: " "), tail: result.outputTail())
        }
        return ReferenceRun(medianMilliseconds: median, peakResidentBytes: result.peakResidentBytes)
    }

    /// The median_ms_per_step of the last `"summary": true` JSON line in `output`.
    static func summaryMedian(_ output: String) -> Double? {
        struct Summary: Decodable {
            var summary: Bool
            var medianMillisecondsPerStep: Double
            enum CodingKeys: String, CodingKey {
                case summary
                case medianMillisecondsPerStep = "median_ms_per_step"
            }
        }
        for line in output.split(separator: "\n").reversed() where line.hasPrefix("{") {
            if let summary = try? JSONDecoder().decode(Summary.self, from: Data(line.utf8)), summary.summary {
                return summary.medianMillisecondsPerStep
            }
        }
        return nil
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dataDirectory) }
}
