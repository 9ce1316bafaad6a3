import Foundation
import Testing

/// The dashboard run as a person would run it: the real binary in a tmux pane (120 × 40
/// unless a test says otherwise), driven by keys and mouse reports, read back from the
/// screen.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardEndToEndTests {
    /// A tiny, fast run: it reaches its step limit in a second or two and then pauses.
    static let small = ["dashboard", "--steps", "30", "--batch", "64", "--samples", "16", "--hidden", "32",
                        "--eval-every", "10"]

    /// ... and leaves its figures for `bench --dashboard` in one strict JSON line.
    @Test func showsEveryPanelTrainsAndQuitsWithQ() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--stats", "stats.json"])
        defer { pane.close() }
        let screen = try pane.waitFor("AT TARGET")
        for panel in ["loss", "accuracy", "changes", "acceptance", "zeros", "pad", "model sees", "prediction", "step 30/30"] {
            #expect(screen.contains(panel), "no \(panel) on\n\(screen)")
        }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
        let stats = try String(contentsOf: pane.directory.appendingPathComponent("stats.json"), encoding: .utf8)
        let figures = try StrictJSON.object(stats)
        #expect(stats.hasPrefix("{\"report\":\"dashboard statistics\",") && stats.hasSuffix("}\n"))
        #expect(figures["steps"] as? Int == 30 && figures["frames"] as? Int ?? 0 > 0)
        #expect(Set(figures.keys) == ["report", "frames", "seconds", "fps", "steps", "training_seconds", "peak_rss_bytes",
                                      "strokes", "stroke_points"])
    }

    /// A whole session in the terminal most people have: it trains, a digit drawn with the
    /// mouse gets a prediction, space carries on past the target, q quits with 0.
    @Test func aWholeSessionAt80By24() throws {
        let pane = try TmuxPane(arguments: Self.small, columns: 80, rows: 24)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        #expect(try pane.screen().contains("Tab or click to draw"))
        // A click on the prediction brings the pad out where the plots were; its pixels
        // start at column 1, row 3, two pixel rows per screen row.
        pane.sendMouse(.press, column: 60, row: 18)
        pane.sendMouse(.release, column: 60, row: 18)
        _ = try pane.waitFor("focus pad")
        pane.sendMouse(.press, column: 15, row: 5)
        pane.sendMouse(.drag, column: 15, row: 10)
        pane.sendMouse(.drag, column: 15, row: 15)
        pane.sendMouse(.release, column: 15, row: 15)
        let drawn = try pane.waitUntil("a prediction") { $0.firstMatch(of: #/prediction \d[ ?]/#) != nil }
        #expect(drawn.contains("██"), "the stroke on the pad:\n\(drawn)")
        #expect(drawn.firstMatch(of: /\d+\.\d%/) != nil)
        pane.send(keys: ["Tab"])
        _ = try pane.waitFor("focus training")
        pane.send(keys: ["Space"])
        // More than one step: training runs on (n alone would stop at 31).
        _ = try pane.waitUntil("steps past the target") { (Self.step(on: $0) ?? 0) > 35 }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    /// Without a UTF-8 locale every glyph is ASCII and the panels stay aligned.
    @Test func asciiFrameUnderLangC() throws {
        let pane = try TmuxPane(arguments: Self.small, environment: "LANG=C", columns: 80, rows: 24)
        defer { pane.close() }
        let screen = try pane.waitFor("AT TARGET")
        let isASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII, "non-ASCII on\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2].hasPrefix("+> loss") && lines[2].contains("++> changes"), "\(screen)")
        // Every row of the panels has its edges in the same columns: the plots' 0 and 49,
        // the side's 50 and 79.
        for line in lines[3 ..< 23] {
            let cells = Array(line)
            let aligned = cells.count == 80 && [0, 49, 50, 79].allSatisfy { "|+".contains(cells[$0]) }
            #expect(aligned, "\(line)")
        }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// Two small recorded runs in a new folder (removed by the caller): run.nstep of 30
    /// steps and other.nstep of 50 with another seed.
    static func twoRuns() throws -> (folder: URL, run: String, other: String) {
        let runs = try BinaryUnderTest.temporaryDirectory()
        let run = runs.appendingPathComponent("run.nstep").path, other = runs.appendingPathComponent("other.nstep").path
        let options = Array(small.dropFirst(3))  // without dashboard --steps 30
        #expect(try BinaryUnderTest.run(["train", "--steps", "30", "--out", run] + options).status == 0)
        #expect(try BinaryUnderTest.run(["train", "--steps", "50", "--seed", "4", "--out", other] + options).status == 0)
        return (runs, run, other)
    }

    /// A recorded run opens with its history from step 1, another run drawn behind it.
    @Test func aResumedRunShowsItsWholeHistoryBesideAComparedOne() throws {
        let (runs, run, other) = try Self.twoRuns()
        defer { try? FileManager.default.removeItem(at: runs) }
        let pane = try TmuxPane(arguments: ["dashboard", "--steps", "30", "--resume", run, "--compare", other],
                                record: false)
        defer { pane.close() }
        let screen = try pane.waitFor("AT TARGET")
        #expect(screen.contains("step 30/30") && screen.contains("ghost other.nstep"), "\(screen)")
        // The plots run from step 1 to the longer run's step 50, with the recorded curves on them.
        #expect(screen.contains("└1") && screen.contains("step 50"), "\(screen)")
        #expect(screen.firstMatch(of: /batch ⠤ \d+\.\d%/) != nil && screen.firstMatch(of: /validation ◆ \d+\.\d%/) != nil)
        pane.send(keys: ["Space"])
        _ = try pane.waitUntil("steps after the resumed ones") { (Self.step(on: $0) ?? 0) > 30 }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func dumbTerminalsAreRefusedWithAMessage() throws {
        let pane = try TmuxPane(arguments: Self.small, environment: "TERM=dumb")
        defer { pane.close() }
        #expect(try pane.waitForExit() == 1)
        #expect(try pane.screen().contains("cannot drive this terminal (TERM=dumb)"))
    }

    /// The walk-through of a new user: watch it train, pause, tune, draw with the keyboard.
    @Test func pausesTunesAndDrawsWithTheKeyboard() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000", "--schedule", "fixed"])
        defer { pane.close() }
        let first = try Self.step(on: pane.waitFor("RUNNING"))
        let running = try pane.waitUntil("the step counter to advance") { (Self.step(on: $0) ?? 0) > (first ?? 0) + 5 }
        // Each panel shows its current value.
        for value in [/loss \d/, /batch ⠤ \d+\.\d%/, /zeros +[^\n]*\d+\.\d%/, /quantile \d\.\d\d/, /\d+ weights/] {
            #expect(running.firstMatch(of: value) != nil, "a value is missing on\n\(running)")
        }

        pane.send(keys: ["Space"])
        let paused = try pane.waitFor("PAUSED")
        Thread.sleep(forTimeInterval: 0.6)
        #expect(Self.step(on: try pane.screen()) == Self.step(on: paused), "the step counter must stop while paused")

        pane.send(keys: ["]", "-"])
        // Both changes reach the status line, whichever the session applies first.
        _ = try pane.waitUntil("both settings") { $0.contains("quantile 0.55") && $0.contains("density 4.80e-05") }

        pane.send(keys: ["Tab"])
        _ = try pane.waitFor("focus pad")
        #expect(try pane.screen().contains("Tab or click to draw"))
        // A vertical stroke: paint, move down, paint… with space and j.
        for _ in 0 ..< 10 { pane.send(keys: ["Space", "j"]) }
        let drawn = try pane.waitUntil("a prediction") { $0.firstMatch(of: #/prediction \d[ ?]/#) != nil }
        #expect(drawn.contains("model sees"))

        pane.resize(columns: 70, rows: 20)
        _ = try pane.waitFor("need 80×24")
        pane.resize(columns: 120, rows: 40)
        _ = try pane.waitFor("acceptance")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    /// The number after "step " on the status line.
    static func step(on screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first, let range = line.range(of: " step ") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber || $0 == "," }.filter(\.isNumber))
    }

    @Test func recordsSavesAndShowsAValidationImage() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        pane.send(keys: ["s"])
        _ = try pane.waitFor("saved: model.nstep holds steps 1...30")
        let info = try BinaryUnderTest.run(["info", pane.directory.appendingPathComponent("model.nstep").path])
        #expect(info.status == 0 && info.stdout.contains("30 steps") && info.stdout.contains("saved at step 30"),
                "\(info.stdout)\(info.stderr)")
        pane.send(keys: ["r"])
        let screen = try pane.waitFor("validation #")
        #expect(screen.contains("✓ right") || screen.contains("✗ wrong"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func mouseDragDrawsOnThePadAndThePredictionFollows() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        #expect(try pane.screen().contains("Tab or click to draw"))
        // Pad pixels start at screen column 75, row 3, two pixel rows per screen row. The
        // click that gives the pad focus paints nothing (issue 21, item 7)…
        pane.sendMouse(.press, column: 89, row: 5)
        pane.sendMouse(.release, column: 89, row: 5)
        let focused = try pane.waitFor("focus pad")
        let padRows = focused.split(separator: "\n", omittingEmptySubsequences: false)[3 ... 16]
        // (Only the keyboard cursor, a half block, may show there.)
        #expect(padRows.allSatisfy { !$0.dropFirst(75).prefix(28).contains { "█░".contains($0) } },
                "the focusing click painted:\n\(focused)")
        #expect(focused.firstMatch(of: #/prediction \d[ ?]/#) == nil)
        // …then a vertical stroke down pixel column 14.
        pane.sendMouse(.press, column: 89, row: 5)
        pane.sendMouse(.drag, column: 89, row: 14)
        pane.sendMouse(.release, column: 89, row: 14)
        let screen = try pane.waitUntil("a prediction") { $0.firstMatch(of: #/prediction \d[ ?]/#) != nil }
        #expect(screen.contains("focus pad"))
        #expect(screen.contains("██"))
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func shrinkingShowsTheNeededSizeAndRecovers() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        pane.resize(columns: 79, rows: 24)
        _ = try pane.waitFor("need 80×24")
        pane.resize(columns: 80, rows: 24)
        _ = try pane.waitFor("acceptance")
        pane.resize(columns: 60, rows: 20)
        _ = try pane.waitFor("need 80×24")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    @Test func controlCRestoresTheTerminal() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000"])
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["?"])
        _ = try pane.waitFor("? next page")
        pane.send(keys: ["C-c"])
        #expect(try pane.waitForExit() == 130)
        try pane.expectTerminalRestored()
        let after = try pane.screen()
        #expect(!after.contains("Error"), "an interrupted session is not an error:\n\(after)")
    }

    /// The help's last page names a model given as `--layers` by its widths (`ModelShape.summary`).
    @Test func theHelpNamesAListOfLayers() throws {
        let arguments = ["dashboard", "--steps", "30", "--batch", "64", "--samples", "16", "--layers", "dense 24, dense 10",
                         "--eval-every", "10"]
        let pane = try TmuxPane(arguments: arguments)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        var screen = ""
        for _ in 0 ..< 8 where !screen.contains("784→24→10") {
            pane.send(keys: ["?"])
            Thread.sleep(forTimeInterval: 0.5)
            screen = try pane.screen()
        }
        #expect(screen.contains("784→24→10"), "\(screen)")
        pane.send(keys: ["q"])
        _ = try pane.waitUntil("help closed") { !$0.contains("? next page") }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let pane = try TmuxPane(arguments: Self.small)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        let pid = try #require(pane.processID())
        kill(pid, SIGTERM)
        #expect(try pane.waitForExit() == 143)
        try pane.expectTerminalRestored()
    }

    @Test func aCrashRestoresTheTerminal() throws {
        // Without the runtime's backtracer a SIGSEGV sent from outside ends the process as
        // a real fault would (the backtracer resumes after an external one).
        let pane = try TmuxPane(arguments: Self.small, environment: "SWIFT_BACKTRACE=enable=no")
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        let pid = try #require(pane.processID())
        kill(pid, SIGSEGV)
        #expect(try pane.waitForExit() == 128 + SIGSEGV)
        try pane.expectTerminalRestored()
    }
}
