import Foundation

/// Puts the terminal back if the process crashes while the dashboard owns it, so a trap
/// in any thread does not leave the shell in raw mode with mouse reporting on.
///
/// `arm()` saves the terminal modes and installs handlers for the fatal signals; a handler
/// writes the reset sequences, restores the saved modes, hands the signal back to the
/// handler that was there before (the Swift runtime's backtracer, or the default) and
/// re-raises it, so the crash report still appears, now on the normal screen.
///
/// A fault signal that another process sent (`kill -ABRT`: its sender is not this
/// process) is no crash: the handler records it for the main loop (`recordSignal`), which
/// ends the session as for SIGTERM, with the terminal restored and the log complete.
///
/// A handler does only async-signal-safe work: `write`, `tcsetattr`, `sigaction`,
/// `raise`, on storage allocated by `arm()` before any handler is installed. It touches
/// no Swift array and allocates nothing.
enum TerminalRescue {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS]

    /// Saves the modes of the terminal on standard input and installs the handlers.
    /// Main thread only; pair with `disarm()`.
    static func arm() {
        let storage = rescueStorage
        guard !storage.pointee.isArmed else { return }
        storage.pointee.hasModes = tcgetattr(STDIN_FILENO, &storage.pointee.modes) == 0
        SignalSender.install(rescue, for: fatalSignals, keepingEarlierIn: previousActions)
        storage.pointee.isArmed = true
    }

    /// Gives the fatal signals their earlier handlers back.
    static func disarm() {
        let storage = rescueStorage
        guard storage.pointee.isArmed else { return }
        for signal in fatalSignals { sigaction(signal, previousActions + Int(signal), nil) }
        storage.pointee.isArmed = false
    }
}

/// Mouse reporting off, attributes reset, cursor shown, normal screen, fresh line.
private let resetSequence: StaticString = "\u{1b}[?1002l\u{1b}[?1006l\u{1b}[?1000l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n"

/// Signal numbers on Linux are below 65.
private let signalSlots = 65

// `let` globals: initialized once, by `arm()`'s first use, before any handler exists, and
// read without the exclusivity checks that a `var` global would need.
nonisolated(unsafe) private let rescueStorage: UnsafeMutablePointer<RescueState> = {
    let storage = UnsafeMutablePointer<RescueState>.allocate(capacity: 1)
    storage.initialize(to: RescueState())
    return storage
}()

/// [signal] → the action that was installed before ours.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: signalSlots)
    actions.initialize(repeating: sigaction(), count: signalSlots)
    return actions
}()

private func rescue(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if let info, SignalSender.isAnotherProcess(info) { return recordSignal(signal) }
    _ = write(STDOUT_FILENO, resetSequence.utf8Start, resetSequence.utf8CodeUnitCount)
    if rescueStorage.pointee.hasModes { tcsetattr(STDIN_FILENO, TCSANOW, &rescueStorage.pointee.modes) }
    _ = sigaction(signal, previousActions + Int(signal), nil)
    raise(signal)
}
