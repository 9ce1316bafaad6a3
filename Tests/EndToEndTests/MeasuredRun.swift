import Foundation

/// Runs the binary as a child of its own, waited for with wait4(2), so that the child's
/// peak resident memory is known: Foundation's Process reaps children itself and keeps
/// their resource usage.
enum MeasuredRun {
    struct Outcome {
        var status: Int32
        var stderr: String
        /// The child's largest resident set, in bytes.
        var peakBytes: Int
    }

    /// Runs `noisestep arguments` in `directory` with stdin and stdout on /dev/null.
    static func run(_ arguments: [String], directory: URL) throws -> Outcome {
        let errorPath = directory.appendingPathComponent("stderr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        // sh changes directory, then becomes the binary (exec keeps the process, so its
        // usage is the binary's).
        let command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, BinaryUnderTest.path] + arguments
        let argv = command.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let exit = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Outcome(status: exit, stderr: text, peakBytes: usage.ru_maxrss * 1024)
    }
}
