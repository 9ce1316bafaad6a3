import Foundation

/// The real `noisestep` executable, built by `swift test` next to the test bundle, and a
/// way to run it.
enum BinaryUnderTest {
    /// The build products folder: where the test runner itself lives.
    static let productsDirectory: URL = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // The runner may sit inside a bundle folder (…/noisestepPackageTests.xctest/…).
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("noisestep").path),
              url.pathComponents.count > 1 {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static var path: String { productsDirectory.appendingPathComponent("noisestep").path }

    /// The package root, for the bundled assets.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary with `arguments` to completion (stdin is /dev/null); one still
    /// running after `seconds` is killed and the test fails.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    directory: URL? = nil, seconds: Double = 600) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        return try Spawning.runToEnd(process, "noisestep \(arguments.joined(separator: " ")) to end", seconds: seconds)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
