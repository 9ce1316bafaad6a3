import Foundation

/// Who sent a signal, from the `siginfo_t` a SA_SIGINFO handler gets. Async-signal-safe.
public enum SignalSender {
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
