import Dashboard
import Foundation

/// How every command takes the signals that are not about this process's own work.
///
/// - A fault signal (SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGSYS) that
///   another process sends (`kill -ABRT PID`) ends the process with that signal's default
///   action, as the sender asked. Left to the Swift runtime, its crash reporter would
///   print a backtrace of whatever code the signal interrupted, then return, and the
///   command would carry on as if nothing happened. A real fault of this process goes to
///   the handler that was there before (the runtime's crash report), unchanged.
/// - SIGXFSZ (a file-size limit reached) is ignored, so the write that passed the limit
///   fails with EFBIG and is reported like a full disk, with every whole step kept,
///   instead of dumping core.
///
/// The dashboard arms `TerminalRescue` over these while it owns the terminal.
enum FaultSignals {
    static let faults: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS]

    /// Installs the handlers; call once, first thing in `main`.
    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        SignalSender.install(endOrChain, for: faults, keepingEarlierIn: earlierFaultActions)
    }
}

/// Signal numbers on Linux are below 65.
private let faultSlots = 65

/// [signal] → the action installed before `FaultSignals.install` (the runtime's crash
/// reporter). A `let` global, allocated when `install` first touches it, before any of
/// these handlers exists; read-only afterwards.
nonisolated(unsafe) private let earlierFaultActions: UnsafeMutablePointer<sigaction> = {
    let actions = UnsafeMutablePointer<sigaction>.allocate(capacity: faultSlots)
    actions.initialize(repeating: sigaction(), count: faultSlots)
    return actions
}()

/// Another process's fault signal: the default action (the process ends by it).
/// This process's own: the earlier handler, as if this one were not there.
private func endOrChain(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    if let info, SignalSender.isAnotherProcess(info) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(signal, &action, nil)
        raise(signal)  // pending until this handler returns, then ends the process
        return
    }
    let earlier = earlierFaultActions[Int(signal)]
    if earlier.sa_flags & SA_SIGINFO != 0, let handler = earlier.__sigaction_handler.sa_sigaction {
        handler(signal, info, context)
    } else {
        sigaction(signal, earlierFaultActions + Int(signal), nil)
        raise(signal)
    }
}
