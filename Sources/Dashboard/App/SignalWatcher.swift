import Foundation

/// Catches every signal whose default action would end the process from outside
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM,
/// SIGPROF, SIGXCPU, SIGIO, SIGPWR, SIGSTKFLT and the real-time signals), so the dashboard
/// restores the terminal, completes the log, prints how to resume and returns 128 + the
/// signal, instead of dying with the terminal in raw mode (or, for SIGQUIT, printing the
/// runtime's backtrace over the screen). The fault signals (SIGSEGV, SIGABRT…) are
/// `TerminalRescue`'s: sent by another process, they end the session the same way.
///
/// Ctrl-Z (SIGTSTP, unless the process inherited it ignored) is caught too, and only
/// recorded (`takeSuspend()`): the main loop gives the terminal back, mouse reporting
/// included, before it stops, and takes it again on `fg` (`NcursesTerminal.suspend()`).
///
/// Create it before ncurses starts: ncurses installs its own handlers only for signals
/// still at their default action (and then never touches SIGTSTP). A handler only stores the signal number (an atomic
/// store, async-signal-safe); the main loop polls `received`. `stop()` puts back the
/// actions that were there before, an inherited SIG_IGN included.
final class SignalWatcher {
    /// The signals watched, on this system.
    static var watched: [Int32] {
        var signals: [Int32] = [SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGVTALRM, SIGPROF,
                                SIGXCPU, SIGIO, SIGPWR]
        #if os(Linux)
        signals.append(SIGSTKFLT)
        signals += Array(__libc_current_sigrtmin() ... __libc_current_sigrtmax())
        #endif
        return signals
    }

    private var previous: [(signal: Int32, action: sigaction)] = []

    init() {
        caughtSignal.pointee = 0  // allocates the flag before any handler can run
        for signalNumber in Self.watched {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSignal
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            if sigaction(signalNumber, &action, &old) == 0 { previous.append((signalNumber, old)) }
        }
        suspendRequested.pointee = 0
        var old = sigaction()
        if sigaction(SIGTSTP, nil, &old) == 0, old.__sigaction_handler.sa_handler == nil {  // SIG_DFL
            var action = sigaction()
            action.__sigaction_handler.sa_handler = recordSuspend
            sigemptyset(&action.sa_mask)
            if sigaction(SIGTSTP, &action, nil) == 0 { previous.append((SIGTSTP, old)) }
        }
    }

    /// Whether Ctrl-Z came since the last call; clears it.
    func takeSuspend() -> Bool {
        guard suspendRequested.pointee != 0 else { return false }
        suspendRequested.pointee = 0
        return true
    }

    /// The signal caught since the watcher started (or a fault signal another process
    /// sent, see `TerminalRescue`), if any.
    var received: Int32? {
        let value = caughtSignal.pointee
        return value == 0 ? nil : Int32(value)
    }

    /// Stops watching and gives each signal the action it had before.
    func stop() {
        for (signalNumber, action) in previous {
            var action = action
            sigaction(signalNumber, &action, nil)
        }
        previous.removeAll()
    }

    deinit { stop() }
}

/// The last signal caught, 0 for none. A `let` global allocated before any handler is
/// installed, written by handlers, read by the main loop; `sig_atomic_t` is what a
/// handler may store.
nonisolated(unsafe) let caughtSignal: UnsafeMutablePointer<sig_atomic_t> = {
    let flag = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    flag.initialize(to: 0)
    return flag
}()

/// Whether SIGTSTP came and the main loop has not suspended yet; like `caughtSignal`.
nonisolated(unsafe) let suspendRequested: UnsafeMutablePointer<sig_atomic_t> = {
    let flag = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    flag.initialize(to: 0)
    return flag
}()

/// Records a Ctrl-Z for the main loop; async-signal-safe.
func recordSuspend(_ signal: Int32) {
    suspendRequested.pointee = 1
}

/// Records `signal` for the main loop; async-signal-safe.
func recordSignal(_ signal: Int32) {
    caughtSignal.pointee = sig_atomic_t(signal)
}
