import Foundation
import Testing

/// Tuning at the dashboard as a person does it, in tmux: every key's effect in view, undo,
/// focus rules, the pace of a first run (issue 21, items 4, 5, 6, 8, 15 and 16).
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardTuningTests {
    static let small = DashboardEndToEndTests.small

    /// Pauses a long run and returns the pane.
    static func pausedRun(_ extra: [String] = [], environment: String = "", columns: Int = 80, rows: Int = 24,
                          record: Bool = true) throws -> TmuxPane {
        let pane = try TmuxPane(arguments: small + ["--steps", "100000", "--schedule", "fixed", "--pace", "0"] + extra,
                                environment: environment, columns: columns, rows: rows, record: record)
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["Space"])
        _ = try pane.waitFor("PAUSED")
        return pane
    }

    /// Presses `key`, waits for `shows`, then runs `steps` single steps.
    static func change(_ pane: TmuxPane, _ key: String, shows: String, steps: Int) throws {
        pane.send(keys: [key])
        _ = try pane.waitFor(shows)
        for _ in 0 ..< steps { pane.send(keys: ["n"]) }
        Thread.sleep(forTimeInterval: 0.5)
    }

    /// At 80 × 24: three key changes, each listed with its step and what it changed and
    /// numbered on the plots; `z` zooms into the newest steps and follows them; the wheel
    /// zooms too.
    @Test func keyChangesAreNumberedListedAndZoomedInto() throws {
        let pane = try Self.pausedRun()
        defer { pane.close() }
        // More than 32 steps, wherever the pause fell, so that zooming out from 16 steps
        // shows 32, not the whole run.
        let before = try DashboardEndToEndTests.step(on: pane.screen()) ?? 0
        for _ in 0 ..< 30 { pane.send(keys: ["n"]) }
        _ = try pane.waitUntil("30 more steps") { (DashboardEndToEndTests.step(on: $0) ?? 0) >= before + 30 }
        try Self.change(pane, "]", shows: "quantile 0.55", steps: 5)
        try Self.change(pane, "=", shows: "density 7.50e-05", steps: 5)
        try Self.change(pane, "<", shows: "samples 8 ", steps: 5)
        let listed = try pane.waitUntil("three numbered changes") { $0.contains(" 3 ") && $0.contains(" 1 ") }
        for row in [/│ 3 [\d,]+ (s|samples) 16→8\s/, /│ 2 [\d,]+ (d 6\.0e-5→7\.5e-5|density 6\.00e-05→7\.50e-05)\s/,
                    /│ 1 [\d,]+ (q|quantile) 0\.50→0\.55\s/] {
            #expect(listed.firstMatch(of: row) != nil, "a change missing from the list:\n\(listed)")
        }
        for _ in 0 ..< 8 { pane.send(keys: ["z"]) }
        let zoomed = try pane.waitFor("last 16 steps")
        let lines = zoomed.split(separator: "\n", omittingEmptySubsequences: false)
        // The loss plot's bottom edge (row 12) carries the three numbers, apart.
        let edge = String(lines[12].prefix(50))
        #expect(edge.contains("1") && edge.contains("2") && edge.contains("3"), "marks on the loss plot:\n\(zoomed)")
        // The wheel over the loss plot zooms out around the pointer.
        pane.sendMouseBurst([(.scrollDown, 25, 6)])
        _ = try pane.waitFor("last 32 steps")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// `u` puts back the last change, `U` the launch settings, each recorded as a change.
    @Test func undoAndBackToTheLaunchSettings() throws {
        let pane = try Self.pausedRun()
        defer { pane.close() }
        try Self.change(pane, "]", shows: "quantile 0.55", steps: 1)
        try Self.change(pane, "]", shows: "quantile 0.60", steps: 1)
        try Self.change(pane, ">", shows: "samples 32 ", steps: 1)
        try Self.change(pane, "u", shows: "samples 16 ", steps: 1)
        #expect(try pane.screen().contains("quantile 0.60"), "undo puts back the last change only")
        try Self.change(pane, "U", shows: "quantile 0.50", steps: 1)
        let screen = try pane.screen()
        #expect(screen.contains("density 6.00e-05") && screen.contains("samples 16 "), "\(screen)")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// With the pad focused, `]` does not retune; in help `q` closes the help; quitting a
    /// session that records nothing asks first.
    @Test func focusRulesHelpAndAnUnrecordedQuit() throws {
        let pane = try Self.pausedRun(["--no-record"], record: false)
        defer { pane.close() }
        pane.send(keys: ["n", "Tab"])
        _ = try pane.waitFor("focus pad")
        pane.send(keys: ["]"])
        let refused = try pane.waitFor("acts on the training panels")
        #expect(refused.contains("quantile 0.50"), "\(refused)")
        pane.send(keys: ["Tab", "?"])
        _ = try pane.waitFor("? next page")
        pane.send(keys: ["q"])
        let closed = try pane.waitUntil("help closed") { !$0.contains("? next page") }
        #expect(closed.contains("PAUSED"), "q in help closes the help, the dashboard stays")
        pane.send(keys: ["q"])
        _ = try pane.waitFor("q again quits")
        pane.send(keys: ["x"])
        _ = try pane.waitFor("nothing was lost")
        pane.send(keys: ["q", "q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// `n` at the target moves the target with it.
    @Test func oneStepAtTheTargetMovesTheTarget() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("step 30/30")
        pane.send(keys: ["n"])
        let screen = try pane.waitFor("step 31/")
        #expect(screen.contains("step 31/31"), "\(screen)")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// A first run goes at a pace a person can follow; `p` lets it go as fast as it can.
    @Test func aFirstRunGoesAtAPaceToWatch() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000"], record: false)
        defer { pane.close() }
        let start = try DashboardEndToEndTests.step(on: pane.waitFor("paced")) ?? 0
        Thread.sleep(forTimeInterval: 2)
        let paced = (DashboardEndToEndTests.step(on: try pane.screen()) ?? 0) - start
        #expect(paced > 10 && paced < 2 * 2 * 30, "steps in 2 s at 30 a second: \(paced)")
        pane.send(keys: ["p"])
        _ = try pane.waitUntil("full speed") { !$0.contains("paced") }
        // At 30 steps a second, 300 more steps take 10 s; reaching them sooner shows the pace
        // is off, with room for a loaded machine (a small model steps in about a millisecond).
        let fast = try DashboardEndToEndTests.step(on: pane.screen()) ?? 0
        let screen = try pane.waitUntil("300 steps at full speed", seconds: 9) {
            (DashboardEndToEndTests.step(on: $0) ?? 0) - fast >= 300
        }
        #expect((DashboardEndToEndTests.step(on: screen) ?? 0) - fast >= 300)
        pane.send(keys: ["Space", "q", "q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// The axes never hide where the run is: the last step's loss lies on the loss axis
    /// even when a heavily smoothed curve lags behind a jump, and a validation figure
    /// older than the last step says so.
    @Test func theAxesShowWhereTheRunIs() throws {
        let pane = try Self.pausedRun(["--eval-every", "7"])
        defer { pane.close() }
        for _ in 0 ..< 10 { pane.send(keys: ["n"]) }
        // Eighty-seven times the density: every step moves hundreds of weights, the loss jumps.
        for _ in 0 ..< 20 { pane.send(keys: ["="]) }
        _ = try pane.waitFor("density 5.20e-03")
        for _ in 0 ..< 12 { pane.send(keys: ["n"]) }
        pane.send(keys: ["e", "e", "e"])
        _ = try pane.waitFor("ema 200")
        for _ in 0 ..< 8 { pane.send(keys: ["z"]) }
        _ = try pane.waitFor("last 16 steps")
        Thread.sleep(forTimeInterval: 0.5)
        let screen = try pane.screen()
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let loss = try #require(lines[2].firstMatch(of: /loss (\d+\.?\d*)/).flatMap { Double($0.1) })
        let top = try #require(lines[3].firstMatch(of: /│ *(\d+\.?\d*) ┤/).flatMap { Double($0.1) })
        #expect(top >= loss, "the last loss \(loss) above the axis top \(top):\n\(screen)")
        let step = try #require(DashboardEndToEndTests.step(on: screen))
        if step % 7 != 0 {
            #expect(screen.firstMatch(of: /◆ \d+\.\d% (at step |@)[\d,]+/) != nil,
                    "a validation figure older than step \(step) says its step:\n\(screen)")
        }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }
}
