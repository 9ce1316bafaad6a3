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

    /// Prepares the data folder from the bundled MNIST files in `bundledDirectory`: its
    /// training files serve as both train and t10k files.
    init(script: String, bundledDirectory: String, threads: Int) throws(BenchError) {
        try self.init(script: script, threads: threads, folder: "noisestep-bench") { folder in
            for kind in ["images-idx3-ubyte", "labels-idx1-ubyte"] {
                // The script opens a file with gzip when its name ends in .gz, so keep the suffix.
                let compressed = FileManager.default.fileExists(atPath: "\(bundledDirectory)/train-\(kind).gz")
                let suffix = compressed ? ".gz" : ""
                for prefix in ["train", "t10k"] {
                    try FileManager.default.createSymbolicLink(atPath: "\(folder)/\(prefix)-\(kind)\(suffix)",
                                                               withDestinationPath: "\(bundledDirectory)/train-\(kind)\(suffix)")
                }
            }
        }
    }

    /// Prepares a data folder that holds `training` as the script's train files and
    /// `validation` as its t10k files, for runs that score themselves (`runToTarget`).
    init(script: String, training: Dataset, validation: Dataset, threads: Int) throws(BenchError) {
        try self.init(script: script, threads: threads, folder: "noisestep-bench-split") { folder in
            for (prefix, data) in [("train", training), ("t10k", validation)] {
                try Self.idx(magic: IDXFile.imageMagic, dimensions: [data.count, Dataset.side, Dataset.side], data.pixels)
                    .write(to: URL(fileURLWithPath: "\(folder)/\(prefix)-images-idx3-ubyte"))
                try Self.idx(magic: IDXFile.labelMagic, dimensions: [data.count], data.labels)
                    .write(to: URL(fileURLWithPath: "\(folder)/\(prefix)-labels-idx1-ubyte"))
            }
        }
    }

    /// A fresh temporary folder `folder`-PID, filled by `fill`.
    private init(script: String, threads: Int, folder: String, fill: (String) throws -> Void) throws(BenchError) {
        self.script = script
        self.threads = threads
        let manager = FileManager.default
        dataDirectory = manager.temporaryDirectory.appendingPathComponent("\(folder)-\(getpid())").path
        do {
            try? manager.removeItem(atPath: dataDirectory)
            try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
            try fill(dataDirectory)
        } catch {
            throw .cannotPrepareData(dataDirectory, reason: error.localizedDescription)
        }
    }

    /// An IDX file: the magic and each dimension as big-endian 32-bit words, then the bytes.
    static func idx(magic: UInt32, dimensions: [Int], _ bytes: [UInt8]) -> Data {
        var data = Data()
        for word in [magic] + dimensions.map(UInt32.init) { withUnsafeBytes(of: word.bigEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: bytes)
        return data
    }

    /// One run of the script to an accuracy: the first checked step whose score on the t10k
    /// files reached `target` (nil if none by `steps`), and the steps' own seconds to it.
    struct TargetRun: Decodable, Sendable {
        var reachedStep: Int?
        var checkedAccuracy: Double?
        var trainingSeconds: Double
        enum CodingKeys: String, CodingKey {
            case reachedStep = "reached_step", checkedAccuracy = "checked_accuracy", trainingSeconds = "training_seconds"
        }
    }

    /// Runs `mode` with `options` until its score on the t10k files reaches `target`,
    /// checked every `checkEvery` steps, or for `steps` steps.
    func runToTarget(mode: String, target: Double, checkEvery: Int, steps: Int,
                     options: [String]) throws(BenchError) -> TargetRun {
        let command = [Self.python, script, "--train", dataDirectory, "--test", dataDirectory, "--mode", mode,
                       "--steps", "\(steps)", "--log-every", "\(steps + 1)", "--threads", "\(threads)", "--seed", "0",
                       "--target", "\(target)", "--check-every", "\(checkEvery)"] + options
        let result = try ChildProcess.run(command)
        try BenchError.check(result, command: command)
        for line in result.output.split(separator: "\n").reversed() where line.contains("\"summary\": true") {
            if let run = try? JSONDecoder().decode(TargetRun.self, from: Data(line.utf8)) { return run }
        }
        throw .unreadableOutput(command: command.joined(separator: " "), tail: result.outputTail())
    }

    /// Runs the reference for `steps` steps of `mode` (reverse or jvp) and reads its summary;
    /// `options` are more of the script's options (its defaults are the paper's setup).
    func run(mode: String, steps: Int, options: [String] = []) throws(BenchError) -> ReferenceRun {
        let command = [Self.python, script, "--train", dataDirectory, "--test", dataDirectory, "--mode", mode,
                       "--steps", "\(steps)", "--log-every", "\(steps + 1)", "--threads", "\(threads)", "--seed", "0"]
            + options
        let result = try ChildProcess.run(command)
        try BenchError.check(result, command: command)
        guard let median = Self.summaryMedian(result.output) else {
            throw .unreadableOutput(command: command.joined(separator: " "), tail: result.outputTail())
        }
        return ReferenceRun(medianMilliseconds: median, peakResidentBytes: result.peakResidentBytes)
    }

    /// The script's options for the run `options` describe, as far as it has them (model,
    /// batch, perturbations, keep quantile, input, temperature); nil for a model it does
    /// not have (it knows MLPs and the conv preset).
    static func arguments(for options: TrainingOptions) -> [String]? {
        let model: [String]
        if options.layers == nil {
            model = ["--hidden", options.hidden.map(String.init).joined(separator: ",")]
        } else if options.layers?.spec == ModelPreset.convSpec {
            model = ["--arch", "conv"]
        } else {
            return nil
        }
        return model + ["--batch", "\(options.batch)", "--samples", "\(options.samples)", "--density", "\(options.density)",
                        "--schedule", options.schedule.rawValue, "--reject-quantile", "\(options.rejectQuantile)",
                        "--input", options.input.rawValue, "--temperature", "\(options.temperature)"]
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
