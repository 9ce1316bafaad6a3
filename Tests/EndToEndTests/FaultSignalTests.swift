import Foundation
import Testing

/// Issue 17, weak spot: a fault signal another process sends (kill -ABRT, kill -SEGV) is
/// a request to end, not a crash of this process: the command ends by that signal,
/// without a crash report, instead of printing one and carrying on.
@Suite(.serialized) struct FaultSignalTests {
    /// A prefix that runs a command as a shell would start it: every signal at its
    /// default action and none blocked (the test runner ignores or blocks some, and a
    /// child inherits that).
    static let asFromAShell = "python3 -c 'import os, signal, sys; "
        + "[signal.signal(s, signal.SIG_DFL) for s in signal.valid_signals() if s not in (signal.SIGKILL, signal.SIGSTOP) and s < 32]; "
        + "signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execv(sys.argv[1], sys.argv[1:])'"

    @Test(arguments: [SIGABRT, SIGSEGV, SIGILL])
    func aFaultSignalFromOutsideEndsTrainingWithoutACrashReport(signal: Int32) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The test runner blocks some signals, and a child inherits that: the command
        // starts as from a shell.
        let unblocked = FaultSignalTests.asFromAShell
        let outcome = try scratch.shell("\(unblocked) \"$NOISESTEP\" train --steps 10000000 --batch 64 --samples 16 "
            + "--hidden 32 --eval-every 0 --out run.nstep > out 2> err & pid=$!; "
            + "while [ ! -s run.nstep ]; do sleep 0.1; done; sleep 0.5; kill -\(signal) $pid; "
            // One that carries on is stopped after 10 s, and fails the test (137).
            + "for i in $(seq 1 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done; kill -9 $pid 2>/dev/null; "
            + "wait $pid; echo $? > status")
        #expect(outcome.status == 0)
        let status = String(decoding: scratch.bytes("status"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(status == String(128 + signal), "ended by the signal: \(status)")
        let stderr = String(decoding: scratch.bytes("err"), as: UTF8.self)
        #expect(!stderr.contains("crashed") && !stderr.contains("Backtrac"), "\(stderr)")
        #expect(try scratch.run(["info", "run.nstep"]).status == 0, "every step finished is kept")
    }
}
