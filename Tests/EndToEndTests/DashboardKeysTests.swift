import Foundation
import Testing

/// Every key that tunes or views the run shows its effect on the screen itself, not only
/// in the message line, at 80 × 24, 120 × 40 and 200 × 60, in ASCII (LANG=C) and without
/// colour (NO_COLOR): the terminals the dashboard promises to work in at their plainest.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardKeysTests {
    /// The fields line under the status line: the settings the run trains with now.
    static func fields(_ screen: String) -> String {
        String(screen.split(separator: "\n", omittingEmptySubsequences: false)[1])
    }

    /// Presses `key` and waits until `condition` holds of the screen.
    static func press(_ pane: TmuxPane, _ key: String, _ what: String, _ condition: (String) -> Bool) throws -> String {
        pane.send(keys: [key])
        return try pane.waitUntil("\(what) after \(key)", seconds: 20, condition)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)])
    func everyKeysEffectIsOnTheScreen(columns: Int, rows: Int) throws {
        let pane = try DashboardTuningTests.pausedRun(["--eval-every", "5"], environment: "LANG=C NO_COLOR=1",
                                                      columns: columns, rows: rows)
        defer { pane.close() }
        try settingKeys(pane)
        try viewKeys(pane)
        let screen = try pane.screen()
        let isASCII = screen.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(isASCII, "non-ASCII under LANG=C:\n\(screen)")
        let colours = try pane.screenWithColors().firstMatch(of: /\x{1b}\[[0-9;]*(3[0-7]|38;[25]|4[0-7]|48;[25])[;m]/)
        #expect(colours == nil, "a colour under NO_COLOR: \(colours.map { String($0.0).debugDescription } ?? "")")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
    }

    /// The settings keys: each in the fields line at once, each recorded change in the
    /// changes panel with what it changed, undo and the launch reset as changes too.
    private func settingKeys(_ pane: TmuxPane) throws {
        _ = try Self.press(pane, "]", "quantile 0.55") { Self.fields($0).contains("quantile 0.55") }
        _ = try Self.press(pane, "=", "density 7.50e-05") { Self.fields($0).contains("density 7.50e-05") }
        _ = try Self.press(pane, ">", "samples 32") { Self.fields($0).contains("samples 32 ") }
        _ = try Self.press(pane, "a", "the paper schedule") { Self.fields($0).contains("paper schedule") }
        let first = try Self.press(pane, "n", "change 1 listed") { $0.firstMatch(of: /\| 1 [\d,]+ q(uantile)?[ >]/) != nil }
        #expect(first.firstMatch(of: /\| 1 [\d,]+ q(uantile)?[ >][^|]*(d |d>|density|\+)/) != nil,
                "change 1 names several settings:\n\(first)")
        _ = try Self.press(pane, "u", "the schedule undone") { Self.fields($0).contains("fixed") }
        _ = try Self.press(pane, "n", "change 2 listed") { $0.firstMatch(of: /\| 2 [\d,]+ (schedule )?fixed/) != nil }
        let reset = try Self.press(pane, "U", "the launch settings") {
            let line = Self.fields($0)
            return line.contains("quantile 0.50") && line.contains("density 6.00e-05") && line.contains("samples 16 ")
        }
        #expect(reset.contains("launch settings"), "U says what it did:\n\(reset)")
        _ = try Self.press(pane, "n", "change 3 listed") { $0.firstMatch(of: /\| 3 [\d,]+ q(uantile)?[ >]/) != nil }
    }

    /// The view keys: zoom, pan, log scale, smoothing, the target, the pace, the theme,
    /// the export and the save, each seen in a title, the status line or a file.
    private func viewKeys(_ pane: TmuxPane) throws {
        let before = try DashboardEndToEndTests.step(on: pane.screen()) ?? 0
        pane.send(keys: Array(repeating: "n", count: 40))  // steps enough to zoom into
        _ = try pane.waitUntil("40 more steps", seconds: 30) { (DashboardEndToEndTests.step(on: $0) ?? 0) >= before + 40 }
        _ = try Self.press(pane, "l", "a log loss axis") { $0.contains("loss") && $0.firstMatch(of: /loss [\d.]+ .*log/) != nil }
        _ = try Self.press(pane, "e", "smoothing") { $0.contains("ema 10") }
        _ = try Self.press(pane, "z", "a zoomed window") { $0.firstMatch(of: /last [\d,]+ steps/) != nil }
        _ = try Self.press(pane, "Left", "an earlier window") { $0.firstMatch(of: #/steps [\d,]+-[\d,]+ /#) != nil }
        _ = try Self.press(pane, "Right", "the window following") { $0.firstMatch(of: /last [\d,]+ steps/) != nil }
        _ = try Self.press(pane, "Z", "the whole run") { $0.firstMatch(of: #/last [\d,]+ steps|steps [\d,]+-/#) == nil }
        _ = try Self.press(pane, "t", "the target moved") { $0.contains("/200,000") }
        _ = try Self.press(pane, "p", "the pace") { $0.contains("30 steps a second") }
        _ = try Self.press(pane, "Space", "a paced run") { $0.contains("paced") }
        _ = try Self.press(pane, "Space", "paused again") { $0.contains("PAUSED") }
        _ = try Self.press(pane, "b", "the light palette") { $0.contains("light background") }
        _ = try Self.press(pane, "w", "the export") { $0.contains("history written to model-history.csv") }
        #expect(FileManager.default.fileExists(atPath: pane.directory.appendingPathComponent("model-history.csv").path))
        _ = try Self.press(pane, "s", "the save") { $0.contains("saved: model.nstep") }
    }
}
