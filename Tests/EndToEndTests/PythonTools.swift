import Foundation

/// The Python interpreter the export and peer tests run their checkers with, and whether
/// it has the packages they import (`.ci/run` installs them; pinned in
/// Tests/Export/requirements.txt and Tests/Peer/requirements.txt).
enum PythonTools {
    /// `$PYTHON`, or python3 from the PATH.
    static var interpreter: String { ProcessInfo.processInfo.environment["PYTHON"] ?? "python3" }

    /// Whether CI runs the tests: there a missing package fails the test instead of skipping it.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether `interpreter` imports every module in `modules`.
    static func imports(_ modules: [String]) -> Bool {
        (try? run(["-c", "import " + modules.joined(separator: ", ")]).status) == 0
    }

    /// Whether the export round-trip tests can run here (or must, in CI).
    static let exportChecks = required || imports(["numpy", "onnxruntime", "safetensors"])

    /// Whether the PyTorch peer can run here (or must, in CI).
    static let hasTorch = required || imports(["numpy", "torch"])

    /// A script under the package's Tests/ folder, e.g. "Export/check_export.py".
    static func script(_ relative: String) -> String {
        BinaryUnderTest.packageRoot.appendingPathComponent("Tests/\(relative)").path
    }

    /// Runs the interpreter with `arguments` in `directory` to its end.
    static func run(_ arguments: [String], directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> BinaryUnderTest.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [interpreter] + arguments
        if let directory { process.currentDirectoryURL = directory }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        return try Spawning.runToEnd(process, "\(interpreter) \(arguments.joined(separator: " ")) to end")
    }
}
