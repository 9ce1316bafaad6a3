import Foundation

/// Who sent a signal, from the `siginfo_t` a SA_SIGINFO handler gets (async-signal-safe),
/// and how such a handler is installed.
public enum SignalSender {
    /// A handler that is told who sent the signal.
    public typealias Handler = @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void

    /// Installs `handler` for each of `signals`, keeping each signal's earlier action at
    /// `earlier + signal` (storage for every signal number, below 65 on Linux).
    public static func install(_ handler: Handler, for signals: [Int32], keepingEarlierIn earlier: UnsafeMutablePointer<sigaction>) {
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = handler
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, earlier + Int(signal))
        }
    }

    /// Whether another process sent it with `kill`, `sigqueue` or `tgkill` (si_code ≤ 0,
    /// SI_USER and kin, from another process id): a request to end, not a fault of this
    /// process (whose faults the kernel reports with si_code > 0, and whose `abort()` and
    /// `raise()` name this process as the sender).
    public static func isAnotherProcess(_ info: UnsafeMutablePointer<siginfo_t>) -> Bool {
        #if os(Linux)
        return info.pointee.si_code <= 0 && info.pointee._sifields._kill.si_pid != getpid()
        #else
        return info.pointee.si_code <= 0 && info.pointee.si_pid != getpid()
        #endif
    }
}
