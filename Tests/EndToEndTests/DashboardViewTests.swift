import Foundation
import Testing

/// What the dashboard shows, in tmux: the pad's honest confidence, a compared run with
/// its numbers, a light theme, panels that say something, smoothing levels, the export
/// and `info`'s list of changes (issue 21, items 7, 9, 10, 13 and 14).
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardViewTests {
    static let small = DashboardEndToEndTests.small

    /// A dash drawn on the pad is no digit: the pad says unsure instead of a confident figure.
    @Test func aDashOnThePadIsUnsure() throws {
        let pane = try TmuxPane(arguments: Self.small, record: false)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        // The pad's pixels start at column 75, row 3 (120 × 40): focus it, then a horizontal stroke.
        pane.sendMouse(.press, column: 80, row: 9)
        pane.sendMouse(.release, column: 80, row: 9)
        _ = try pane.waitFor("focus pad")
        pane.sendMouseBurst([(.press, 78, 9), (.drag, 90, 9), (.drag, 99, 9), (.release, 99, 9)])
        let screen = try pane.waitFor("unsure")
        #expect(screen.firstMatch(of: /prediction \d\? unsure/) != nil, "\(screen)")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// `--compare`: the other run's loss and accuracy at the same step, and the differences,
    /// in the titles and atop the changes; after `--resume` the threshold says when it comes.
    @Test func aComparedRunHasNumbersAndAResumedRunsThresholdSaysWhen() throws {
        let (runs, run, other) = try DashboardEndToEndTests.twoRuns()
        defer { try? FileManager.default.removeItem(at: runs) }
        let pane = try TmuxPane(arguments: ["dashboard", "--steps", "30", "--resume", run, "--compare", other],
                                record: false)
        defer { pane.close() }
        let screen = try pane.waitFor("AT TARGET")
        #expect(screen.firstMatch(of: /loss [\d.]+  ⠤ other\.nstep [\d.]+ \(Δ [+−][\d.]+\)/) != nil, "\(screen)")
        #expect(screen.firstMatch(of: /vs other\.nstep  loss [+−][\d.]+  acc\. [+−][\d.]+/) != nil, "\(screen)")
        #expect(screen.contains("|α| ≥") && screen.contains("after a step") && !screen.contains("|α| ≥              –"),
                "\(screen)")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// On a light background (COLORFGBG, as rxvt and Konsole set it) the light palette is
    /// drawn: no yellow, no pale cyan or green text; `b` switches to the dark one.
    @Test func aLightBackgroundGetsTheLightPalette() throws {
        let pane = try TmuxPane(arguments: Self.small, environment: "TERM=screen-256color COLORFGBG='0;15'", record: false)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        let light = try pane.screenWithColors()
        // The dark palette's text colours, and the standard yellow, green and cyan.
        for dark in ["38;5;220m", "38;5;214m", "38;5;80m", "38;5;81m", "38;5;78m", "[33m", "[32m", "[36m"] {
            #expect(!light.contains(dark), "\(dark) on a light background")
        }
        #expect(light.contains("38;5;24m") && light.contains("38;5;242m"), "the light palette's title and muted text")
        pane.send(keys: ["b"])
        _ = try pane.waitFor("dark background")
        #expect(try pane.screenWithColors().contains("38;5;80m"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// Panels that say something: the share of zeros with its drift in the acceptance
    /// panel (no flat sparsity panel), the kept count only when it is not the quantile's
    /// by construction, and at 160 × 48 the first layer's pictures in two rows at most.
    @Test func panelsThatSaySomething() throws {
        let pane = try TmuxPane(arguments: Self.small, columns: 160, rows: 48, record: false)
        defer { pane.close() }
        let screen = try pane.waitFor("AT TARGET")
        #expect(!screen.contains("sparsity") && screen.firstMatch(of: /zeros +[▁-█ ]*\d+\.\d% [+−]\d+\.\d/) != nil, "\(screen)")
        #expect(!screen.contains("kept 8/16"), "half of 16 kept at quantile 0.50 is no news:\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        let fields = try #require(lines.firstIndex { $0.contains("first layer's weights") })
        let bottom = try #require(lines[fields...].firstIndex { $0.suffix(62).hasPrefix("└") })
        #expect(bottom - fields + 1 <= 18, "the weight pictures take \(bottom - fields + 1) rows")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// `e` steps through the smoothing levels, the raw curve drawn faint behind the smoothed
    /// one; `w` writes the plotted history beside the step log.
    @Test func smoothingLevelsAndTheExport() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "200"], environment: "TERM=screen-256color")
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        for level in ["ema 10", "ema 50", "ema 200"] {
            pane.send(keys: ["e"])
            _ = try pane.waitFor(level)
        }
        #expect(try pane.screenWithColors().contains("[2m"), "the raw curve, faint")
        pane.send(keys: ["w"])
        _ = try pane.waitFor("history written to model-history.csv")
        let csv = try String(contentsOf: pane.directory.appendingPathComponent("model-history.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        #expect(rows.first?.hasPrefix("first_step,last_step,loss_mean,loss_min,loss_max") == true)
        #expect(rows.count == 1 + 200 && rows[1].hasPrefix("1,1,") && rows[200].hasPrefix("200,200,"), "\(rows.count) rows")
        pane.send(keys: ["w"])
        _ = try pane.waitFor("model-history-2.csv")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// `info` lists the settings changes a session made with keys, with their steps.
    @Test func infoListsTheKeyChangesOfASession() throws {
        let pane = try DashboardTuningTests.pausedRun(columns: 120, rows: 40)
        defer { pane.close() }
        try DashboardTuningTests.change(pane, "]", shows: "quantile 0.55", steps: 2)
        try DashboardTuningTests.change(pane, "<", shows: "samples 8 ", steps: 2)
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        let info = try BinaryUnderTest.run(["info", pane.directory.appendingPathComponent("model.nstep").path])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.firstMatch(of: /changes    step [\d,]+: reject quantile 0\.5 → 0\.55\n/) != nil, "\(info.stdout)")
        #expect(info.stdout.firstMatch(of: /\n +step [\d,]+: samples 16 → 8\n/) != nil, "\(info.stdout)")
    }
}
