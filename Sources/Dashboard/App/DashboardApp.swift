import Foundation
import NoiseStep

/// The live terminal dashboard: trains while a person watches and steers.
public enum DashboardApp {
    /// Whether standard input and output are both terminals, as the dashboard needs.
    public static var isInteractiveTerminal: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// Why the dashboard cannot drive this terminal (TERM unset, unknown, or one that
    /// cannot place the cursor), in one line; nil when it can. Takes nothing over, so a
    /// front end can refuse before it creates a log or anything else.
    /// - Parameter command: the program's name as typed, for the hint to `train` instead.
    public static func terminalRefusal(command: String) -> String? {
        guard !NcursesTerminal.canDrive else { return nil }
        let name = ProcessInfo.processInfo.environment["TERM"] ?? "unset"
        return "cannot drive this terminal (TERM=\(name)); set TERM to your terminal's type, e.g. xterm-256color,"
            + " or use `\(command) train` for plain output."
    }

    /// Runs the dashboard until the person quits or a signal arrives, then restores the
    /// terminal.
    ///
    /// Starts `session` (do not start it yourself) and stops it before returning. Only
    /// the calling thread, which should be the main thread, touches the terminal.
    /// - Parameter validation: the images `r` puts on the pad (may be empty).
    /// - Returns: the exit status: 0 after `q`; 128 + the signal number after any signal
    ///   whose default action ends a process (`SignalWatcher`, and fault signals another
    ///   process sends); 128 + SIGHUP when the terminal goes away without a SIGHUP; 1
    ///   when the terminal cannot be used.
    public static func run(session: some LiveTrainingSession, validation: Dataset,
                           configuration: DashboardConfiguration) -> Int32 {
        var frames = FrameStatistics()
        return run(session: session, validation: validation, configuration: configuration, frames: &frames)
    }

    /// `run`, also reporting how many frames were drawn in how long.
    public static func run(session: some LiveTrainingSession, validation: Dataset,
                           configuration: DashboardConfiguration, frames: inout FrameStatistics) -> Int32 {
        let signals = SignalWatcher()
        defer { signals.stop() }
        guard let terminal = NcursesTerminal(color: configuration.color, theme: configuration.theme) else {
            let refusal = terminalRefusal(command: configuration.command) ?? "cannot take over this terminal"
            FileHandle.standardError.write(Data("\(configuration.programName): \(refusal)\n".utf8))
            return 1
        }
        defer { terminal.close() }
        session.start()
        defer { session.stop() }
        var loop = DashboardLoop(session: session, validation: validation, configuration: configuration,
                                 terminal: terminal, signals: signals)
        let status = loop.run()
        frames = loop.frames
        return status
    }
}
