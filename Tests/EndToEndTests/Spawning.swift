import Foundation

/// How the tests start children without keeping one another waiting for ever.
///
/// Foundation's `Process` hands a child its pipe ends and one end of a socket pair by
/// which the parent learns of the exit, and none of them is close-on-exec in the parent.
/// A child that `posix_spawn` starts at the same moment on another test's thread (a tmux
/// server, or the watcher that outlives the test process) inherits them and holds them
/// for as long as it lives; the test that reads that output or waits for that exit never
/// finishes, and the whole run hangs. So every start happens under one lock, and the
/// children started with `posix_spawn` close every descriptor above stderr, as the
/// bench's own children do (`ChildProcess.closeInheritedDescriptors`).
enum Spawning {
    private static let lock = NSLock()

    /// Runs `start` (which creates a child and its descriptors) while no other test starts one.
    static func serialized<T>(_ start: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try start()
    }

    /// Starts `process` under the lock.
    static func start(_ process: Process) throws {
        try serialized { try process.run() }
    }

    /// Runs `process` to its end with stdin from /dev/null and its output in files, and
    /// returns how it ended. A child still running after `seconds` is killed and the test
    /// fails with `TimeLimit`: a hang is a failure, not a CI timeout.
    static func runToEnd(_ process: Process, _ what: @autoclosure () -> String,
                         seconds: Double = 600) throws -> BinaryUnderTest.Outcome {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("noisestep-child-\(UUID().uuidString)")
        let out = URL(fileURLWithPath: base.path + ".out"), err = URL(fileURLWithPath: base.path + ".err")
        defer { [out, err].forEach { try? FileManager.default.removeItem(at: $0) } }
        process.standardOutput = try outputFile(out)
        process.standardError = try outputFile(err)
        process.standardInput = FileHandle.nullDevice
        try start(process)
        do {
            try waitUntil(what(), seconds: seconds) { !process.isRunning }
        } catch {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw error
        }
        return BinaryUnderTest.Outcome(status: process.terminationStatus,
                                       stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                                       stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// A new, empty file at `url`, open for writing.
    static func outputFile(_ url: URL) throws -> FileHandle {
        try Data().write(to: url)
        return try FileHandle(forWritingTo: url)
    }

    /// Polls `condition` every 50 ms; throws after `seconds` (a guard against a hang, not
    /// a measure of speed).
    static func waitUntil(_ what: String, seconds: Double = 120, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            if Date() > deadline { throw TimeLimit(description: "waited \(seconds) s for \(what)") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    struct TimeLimit: Error, CustomStringConvertible { let description: String }
}
