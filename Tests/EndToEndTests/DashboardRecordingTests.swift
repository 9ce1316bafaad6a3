import Foundation
import Testing

/// The dashboard records every step as it trains, so kill -9 loses at most the step in
/// progress, and `train --resume` on what it left equals a run never interrupted.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardRecordingTests {
    static let options = ["--batch", "64", "--samples", "16", "--hidden", "32", "--schedule", "fixed"]

    @Test func killMinusNineKeepsEveryFinishedStepAndTheRunResumesExactly() throws {
        let pane = try TmuxPane(arguments: ["dashboard", "--steps", "100000"] + Self.options)
        defer { pane.close() }
        let running = try pane.waitUntil("step 40") { (DashboardEndToEndTests.step(on: $0) ?? 0) >= 40 }
        let shown = try #require(DashboardEndToEndTests.step(on: running))
        let pid = try #require(pane.processID())
        kill(pid, SIGKILL)
        _ = try pane.waitForExit()

        let log = pane.directory.appendingPathComponent("model.nstep").path
        let info = try BinaryUnderTest.run(["info", log, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let summary = try StrictJSON.object(info.stdout)
        let recorded = try #require(summary["steps"] as? Int)
        #expect(recorded >= shown, "the screen showed step \(shown), the log holds \(recorded)")

        let target = String(recorded + 10)
        let resumed = try BinaryUnderTest.run(["train", "--resume", log, "--steps", target])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let whole = pane.directory.appendingPathComponent("whole.nstep").path
        let uninterrupted = try BinaryUnderTest.run(["train", "--steps", target, "--out", whole] + Self.options)
        #expect(uninterrupted.status == 0, "\(uninterrupted.stderr)")
        #expect(FileManager.default.contents(atPath: log) == FileManager.default.contents(atPath: whole),
                "the resumed log must equal the uninterrupted run's byte for byte")
    }
}
