import Foundation
import Testing

/// What reaches the dashboard from the terminal: every mouse report of a fast stroke,
/// and nothing that the terminal was not asked for (issue 21, items 2 and 3).
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardInputTests {
    static let small = DashboardEndToEndTests.small

    /// A VT100 has no mouse reports in its terminfo entry, so none are asked for; and
    /// reports that arrive anyway (a terminal left with reporting on) are swallowed whole,
    /// never read as keys: this click would otherwise be `[`, `M`, space, `]` and `-`.
    @Test func aVT100GetsNoMouseReportingAndStrayReportsChangeNothing() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--steps", "100000", "--schedule", "fixed"],
                                environment: "TERM=vt100", columns: 80, rows: 24)
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        #expect(pane.mouseModes() == "0 0 0 0", "mouse modes asked for under TERM=vt100")
        pane.send(keys: ["Space"])
        _ = try pane.waitFor("PAUSED")
        pane.sendMouseBurst([(.press, 60, 12), (.drag, 61, 12), (.drag, 62, 13), (.release, 62, 13)])
        pane.sendMouse(.press, column: 5, row: 5)
        pane.sendMouse(.release, column: 5, row: 5)
        Thread.sleep(forTimeInterval: 0.5)
        let screen = try pane.screen()
        for unchanged in ["PAUSED", "density 6.00e-05", "samples 16", "quantile 0.50"] {
            #expect(screen.contains(unchanged), "\(unchanged) after the stray reports:\n\(screen)")
        }
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        try pane.expectTerminalRestored()
    }

    /// Terminals that describe mouse reports get them: a drag arrives as a stream of points.
    @Test func anXtermLikeTerminalGetsButtonEventReporting() throws {
        let pane = try TmuxPane(arguments: Self.small, record: false)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        let modes = pane.mouseModes().split(separator: " ")
        #expect(modes.count == 4 && modes[1] == "1" && modes[3] == "1", "button-event tracking and SGR reports")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// Ten strokes sent in one burst, as a fast hand makes them: every press starts a
    /// stroke and every point of it reaches the pad.
    @Test func everyStrokeOfABurstReachesThePad() throws {
        let pane = try TmuxPane(arguments: Self.small + ["--stats", "stats.json"], record: false)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        // The pad's pixels start at column 75, row 3 on a 120 × 40 screen (28 × 14 cells).
        pane.sendMouse(.press, column: 89, row: 10)
        pane.sendMouse(.release, column: 89, row: 10)
        _ = try pane.waitFor("focus pad")
        var burst: [(action: TmuxPane.MouseAction, column: Int, row: Int)] = []
        for stroke in 0 ..< 10 {
            let column = 77 + 2 * stroke
            burst.append((.press, column, 4))
            for row in 5 ... 9 { burst.append((.drag, column + row % 2, row)) }
            burst.append((.release, column, 10))
        }
        pane.sendMouseBurst(burst)
        Thread.sleep(forTimeInterval: 1)
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        let statistics = try pane.statistics()
        #expect(statistics["strokes"] as? Int == 10, "ten strokes; the click that focused the pad paints nothing")
        #expect(statistics["stroke_points"] as? Int == 10 * 6)
    }
}
