import Foundation

/// Puts the terminal back if the process crashes while the dashboard owns it, so a trap
/// in any thread does not leave the shell in raw mode with mouse reporting on.
///
/// `arm()` saves the terminal modes and installs handlers for the fatal signals; a handler
/// writes the reset sequences, restores the saved modes, hands the signal back to the
/// handler that was there before (the Swift runtime's backtracer, or the default) and
/// re-raises it, so the crash report still appears, now on the normal screen. Everything
/// a handler does is async-signal-safe: `write`, `tcsetattr`, `sigaction`, `raise`.
enum TerminalRescue {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// Saves the modes of the terminal on standard input and installs the handlers.
    /// Main thread only; pair with `disarm()`.
    static func arm() {
        guard !isArmed else { return }
        hasModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
        for signal in fatalSignals {
            var action: sigaction = .init()
            action.__sigaction_handler.sa_handler = rescue
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, &previousActions[Int(signal)])
        }
        isArmed = true
    }

    /// Gives the fatal signals their earlier handlers back.
    static func disarm() {
        guard isArmed else { return }
        for signal in fatalSignals { sigaction(signal, &previousActions[Int(signal)], nil) }
        isArmed = false
    }
}

/// Mouse reporting off, attributes reset, cursor shown, normal screen, fresh line.
private let resetSequence: StaticString = "\u{1b}[?1002l\u{1b}[?1006l\u{1b}[?1000l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"

// Signal handlers cannot take context, so the rescue's state is global. It is written
// only by `arm()`/`disarm()` on the main thread, before and after the handlers can run.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var hasModes = false
nonisolated(unsafe) private var isArmed = false
nonisolated(unsafe) private var previousActions: [sigaction] = Array(repeating: .init(), count: 65)

private func rescue(_ signal: Int32) {
    _ = write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
    if hasModes { tcsetattr(STDIN_FILENO, TCSANOW, &savedModes) }
    previousActions.withUnsafeMutableBufferPointer { actions in
        _ = sigaction(signal, &actions[Int(signal)], nil)
    }
    raise(signal)
}
