import Foundation
import Testing

/// `mpirun -n 2 --stdin none noisestep dashboard`: rank 0 draws in the terminal and takes
/// the keys; the follower applies every change from the same step, which it proves at
/// the end by holding rank 0's weights (else it exits non-zero, and so does mpirun). The
/// keys change the quantile (fixed, so that `]` lands on 0.55), the density and the keep
/// ranking (from reliability to |α|).
@Suite(.serialized, .enabled(if: MPIBinary.isAvailable && TmuxPane.isAvailable,
                             "\(MPIBinary.unavailableReason ?? "needs tmux")"))
struct MPIDashboardTests {
    @Test func aKeyOnRankZeroReachesTheOtherRank() throws {
        let mpirun = ["mpirun", "-n", "2", "--oversubscribe", "--bind-to", "none", "--stdin", "none",
                      try MPIBinary.build.get()]
        let environment = MPIBinary.environment.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        let pane = try TmuxPane(arguments: ["dashboard", "--steps", "100000", "--batch", "256", "--samples", "16",
                                            "--hidden", "32", "--schedule", "fixed", "--quantile-schedule", "fixed",
                                            "--threads", "1"],
                                environment: environment, program: mpirun)
        defer {
            if let pid = pane.processID() { kill(pid, SIGTERM) }  // mpirun, if a failure left it running
            pane.close()
        }
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["]", "-", "m"])
        let changed = try pane.waitUntil("the three settings") {
            $0.contains("quantile 0.55") && $0.contains("density 4.80e-05") && $0.contains("|α| ≥")
        }
        let first = DashboardEndToEndTests.step(on: changed) ?? 0
        _ = try pane.waitUntil("20 more steps") { (DashboardEndToEndTests.step(on: $0) ?? 0) > first + 20 }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0, "the follower's weights must equal rank 0's")
        try pane.expectTerminalRestored()
        let info = try BinaryUnderTest.run(["info", pane.directory.appendingPathComponent("model.nstep").path])
        #expect(info.status == 0 && info.stdout.contains("steps"), "\(info.stdout)\(info.stderr)")
    }
}
