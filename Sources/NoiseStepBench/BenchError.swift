/// Why `noisestep bench` could not finish a measurement. Each message says what to do next.
public enum BenchError: Error, CustomStringConvertible {
    /// A program could not be started at all.
    case cannotStart(String, reason: String)
    /// A child process ended badly; `command` is what was run, `tail` the end of its output.
    case childFailed(command: String, ending: String, tail: String)
    /// A child process ran but printed no result the bench could read.
    case unreadableOutput(command: String, tail: String)
    /// The path of the running executable is unknown, so it cannot be run as a child.
    case executableNotFound
    /// The reference's data folder could not be made.
    case cannotPrepareData(String, reason: String)
    /// The dashboard under tmux did not reach its step limit or write its figures in time.
    case dashboardTimedOut(steps: Int)
    /// The reference script named explicitly does not exist.
    case referenceNotFound(String)
    /// `bench --dashboard` needs tmux, which cannot be run.
    case tmuxMissing

    public var description: String {
        switch self {
        case let .cannotStart(program, reason):
            return "cannot start \(program): \(reason). Check that it is installed and on PATH, or pass --no-reference."
        case let .childFailed(command, ending, tail):
            return "\(command) \(ending). Its last output:\n\(tail)\nRun that command by hand to see the whole error."
        case let .unreadableOutput(command, tail):
            return "\(command) printed no result line. Its last output:\n\(tail)\n" +
                "Is the script the project's Tests/Peer/noise_step_peer.py? Pass another with --reference PATH, or --no-reference."
        case .executableNotFound:
            return "cannot find the running noisestep executable (/proc/self/exe); run the bench from the built binary."
        case let .cannotPrepareData(path, reason):
            return "cannot link the bundled MNIST files into \(path): \(reason). Check that the temporary directory is writable (TMPDIR)."
        case let .dashboardTimedOut(steps):
            return "the dashboard in tmux did not reach step \(steps) and write its figures within 5 minutes; run `noisestep` by hand to see why."
        case let .referenceNotFound(path):
            return "the reference script \(path) does not exist; pass the project's Tests/Peer/noise_step_peer.py with --reference PATH, or --no-reference."
        case .tmuxMissing:
            return "--dashboard runs the dashboard inside tmux; install tmux (apt-get install tmux)."
        }
    }

    /// Throws `.childFailed` unless `result` exited with status 0.
    static func check(_ result: ChildResult, command: [String]) throws(BenchError) {
        guard !result.succeeded else { return }
        let ending = result.exitCode.map { "exited with status \($0)" } ?? "was killed by signal \(result.signal ?? 0)"
        throw .childFailed(command: command.joined(separator: " "), ending: ending, tail: result.outputTail())
    }
}
