import Dispatch
import Foundation
import Synchronization

/// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-\) so the dashboard can restore
/// the terminal and return an exit status instead of dying with the terminal in raw mode
/// (or, for SIGQUIT, printing the runtime's backtrace over the screen).
///
/// Create it before ncurses starts: ncurses installs its own handlers only for signals
/// still at their default action. The handlers run on a private queue and only record
/// the signal; the main loop polls `received`.
final class SignalWatcher {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The last signal caught, 0 for none.
    private final class Flag: Sendable {
        let value = Atomic<Int32>(0)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    init() {
        let queue = DispatchQueue(label: "noisestep.dashboard.signals")
        for signalNumber in Self.watched {
            // The default action would kill the process before the source saw the signal.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [flag] in flag.value.store(signalNumber, ordering: .sequentiallyConsistent) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal caught since the watcher started, if any.
    var received: Int32? {
        let value = flag.value.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }

    /// Stops watching and gives the signals their default actions back.
    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for signalNumber in Self.watched { signal(signalNumber, SIG_DFL) }
    }

    deinit { stop() }
}
