#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A finished child process: how it ended, what it printed and how much memory it used.
struct ChildResult: Sendable {
    /// The exit status, or nil when a signal ended it.
    var exitCode: Int32?
    /// The signal that ended it, if one did.
    var signal: Int32?
    /// Its stdout and stderr, interleaved as written.
    var output: String
    /// Peak resident set size, in bytes (`ru_maxrss` of `wait4`).
    var peakResidentBytes: Int

    var succeeded: Bool { exitCode == 0 }

    /// The last `lines` lines of the output, for error messages.
    func outputTail(_ lines: Int = 6) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: "\n")
    }
}
