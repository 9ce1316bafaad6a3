import Foundation

/// Catches every signal whose default action would end the process from outside
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE, SIGALRM, SIGVTALRM,
/// SIGPROF, SIGXCPU, SIGIO, SIGPWR, SIGSTKFLT and the real-time signals), so the dashboard
/// restores the terminal, completes the log, prints how to resume and returns 128 + the
/// signal, instead of dying with the terminal in raw mode (or, for SIGQUIT, printing the
/// runtime's backtrace over the screen). The fault signals (SIGSEGV, SIGABRT…) are
/// `TerminalRescue`'s: sent by another process, they end the session the same way.
///
/// Create it before ncurses starts: ncurses installs its own handlers only for signals
/// still at their default action. A handler only stores the signal number (an atomic
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

/// Records `signal` for the main loop; async-signal-safe.
func recordSignal(_ signal: Int32) {
    caughtSignal.pointee = sig_atomic_t(signal)
}
