import Foundation
import Testing

/// Issue 17, causes 6 and 7 and the dashboard's weak spots: however a session ends (any
/// signal whose default action ends a process, a terminal that goes away without a
/// SIGHUP, a full disk, a terminal it cannot drive) the terminal is restored, the log is
/// complete, and the exit status says what happened.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardEndingTests {
    static let running = DashboardEndToEndTests.small + ["--steps", "100000"]

    /// The default action of each ends a process: the dashboard ends as on SIGTERM.
    @Test(arguments: [SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGPWR, SIGRTMIN_PLUS_3, SIGABRT,
                      SIGSEGV])
    func everyEndingSignalRestoresTheTerminalAndSaysHowToResume(signal: Int32) throws {
        let pane = try TmuxPane(arguments: Self.running)
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        let pid = try #require(pane.processID())
        kill(pid, signal)
        #expect(try pane.waitForExit() == 128 + signal)
        try pane.expectTerminalRestored()
        let screen = try pane.screen()
        #expect(screen.contains("noisestep dashboard --resume model.nstep"), "\(screen)")
        #expect(!screen.contains("Backtrac") && !screen.contains("crashed"), "\(screen)")
        let log = try BinaryUnderTest.run(["info", "--json", pane.directory.appendingPathComponent("model.nstep").path])
        #expect(log.status == 0 && log.stdout.contains("\"weights_steps\""), "the log is complete: \(log.stderr)")
    }

    /// The terminal goes away and no SIGHUP comes (its shell ignores HUP, so it neither
    /// dies of it nor passes it on): input hangs up, and the session ends, log complete.
    @Test func aTerminalThatGoesAwayEndsTheSession() throws {
        let pane = try TmuxPane(arguments: Self.running, shell: "trap '' HUP; ")
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        let pid = try #require(pane.processID())
        pane.killServer()
        try Spawning.waitUntil("the dashboard to end after its terminal went away", seconds: 30) { kill(pid, 0) != 0 }
        let info = try BinaryUnderTest.run(["info", "--json", pane.directory.appendingPathComponent("model.nstep").path])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let steps = try #require(summary["steps"] as? Int)
        #expect(steps > 0 && (summary["weights_steps"] as? [Int])?.last == steps, "complete up to its last step: \(info.stdout)")
    }

    /// A full disk (here a file-size limit: past it writes fail with EFBIG, as with
    /// ENOSPC): the session pauses and says why, and quitting says it again, exit 1.
    @Test func aLogThatCannotBeWrittenIsNotASuccess() throws {
        let pane = try TmuxPane(arguments: Self.running, shell: "ulimit -f 8; ")
        defer { pane.close() }
        _ = try pane.waitFor("cannot write")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 1)
        let screen = try pane.screen()
        #expect(screen.contains("model.nstep: cannot write: File too large; free some space"), "\(screen)")
    }

    /// Ctrl-Z suspends with the terminal given back, mouse reporting off too (the
    /// dashboard's own SIGTSTP handling), and `fg` resumes.
    @Test func controlZSuspendsWithTheTerminalRestoredAndFgResumes() throws {
        let pane = try TmuxPane(arguments: Self.running)
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        let pid = try #require(pane.processID())
        // One Ctrl-Z is enough: it is recorded, never ignored while the screen is written.
        pane.send(keys: ["C-z"])
        try? Spawning.waitUntil("the dashboard to stop", seconds: 10) { Self.isStopped(pid) }
        #expect(Self.isStopped(pid), "Ctrl-Z stops the dashboard")
        let modes = try pane.modes()
        #expect(modes == "0 0 0 0", "alternate screen and mouse modes while stopped: \(modes)")
        pane.send(keys: ["fg", "Enter"])
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["q"])
        // The shell wrote the stopped job's status (148) already; the process's end is what counts.
        try Spawning.waitUntil("the dashboard to quit after fg", seconds: 30) { kill(pid, 0) != 0 }
        try pane.expectTerminalRestored()
    }

    /// Whether process `pid` is stopped (state T in /proc).
    static func isStopped(_ pid: pid_t) -> Bool {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        return status.contains("State:\tT")
    }

    /// A terminal it cannot drive is refused before anything is made: no log, no hint.
    @Test func aRefusedStartLeavesNothingBehind() throws {
        let pane = try TmuxPane(arguments: ["dashboard", "--steps", "5"], environment: "TERM=dumb", record: false)
        defer { pane.close() }
        #expect(try pane.waitForExit() == 1)
        let screen = try pane.screen()
        #expect(screen.contains("noisestep: cannot drive this terminal (TERM=dumb)") && !screen.contains("--resume"), "\(screen)")
        #expect(!FileManager.default.fileExists(atPath: pane.directory.appendingPathComponent("runs").path))
    }
}

/// A real-time signal: SIGRTMIN + 3 (glibc's SIGRTMIN is a function, not a constant).
let SIGRTMIN_PLUS_3 = Int32(__libc_current_sigrtmin() + 3)
