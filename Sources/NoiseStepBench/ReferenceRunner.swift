import Foundation
import NoiseStep

/// The PyTorch peer (`Tests/Peer/noise_step_peer.py`, or any script with its command
/// line) run as a child process on the bundled data, so that its step time can be set
/// beside ours. It runs under `$PYTHON` (default python3), which must import torch and
/// numpy (Tests/Peer/requirements.txt).
///
/// The script wants MNIST-named train and t10k files; a temporary folder links both
/// names to the bundled training files (only the timing matters). Call `cleanUp()` when done.
struct ReferenceRunner {
    static let scriptName = "noise_step_peer.py"
    /// Where the peer lives inside the package.
    static let packagePath = "Tests/Peer/noise_step_peer.py"
    static let requirementsPath = "Tests/Peer/requirements.txt"
    let script: String
    let threads: Int
    let dataDirectory: String

    /// The interpreter the peer runs under: `$PYTHON`, else python3 from the PATH.
    static var python: String { ProcessInfo.processInfo.environment["PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "python3" }

    /// `explicit` if it exists, else the package's own peer (`packagePath`) under an
    /// ancestor of the executable, of the current directory, or of the source tree this
    /// was built from: found from a fresh clone, with nothing beside it.
    static func locate(explicit: String?) -> String? {
        if let explicit { return FileManager.default.fileExists(atPath: explicit) ? explicit : nil }
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let starts = [ChildProcess.currentExecutable(), FileManager.default.currentDirectoryPath, sourceTree].compactMap { $0 }
        for start in starts {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(packagePath).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// Nil when `python` can import torch and numpy; otherwise one line saying why the
    /// peer is skipped and how to install what it needs. `script` names the requirements
    /// file beside the peer.
    static func unavailableReason(script: String, python: String = python) -> String? {
        let requirements = URL(fileURLWithPath: script).deletingLastPathComponent()
            .appendingPathComponent("requirements.txt").path
        let install = FileManager.default.fileExists(atPath: requirements)
            ? "pip install -r \(requirements)" : "pip install torch==2.13.0+cpu numpy"
        guard let result = try? ChildProcess.run([python, "-c", "import torch, numpy"]) else {
            return "\(python) cannot be started; install Python 3 (then \(install)), or set PYTHON to one that has torch"
        }
        return result.succeeded ? nil
            : "\(python) cannot import torch and numpy; install them with `\(install)`, or set PYTHON to a Python that has them"
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
        let command = [Self.python, script, "--train", dataDirectory, "--test", dataDirectory, "--mode", mode,
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
