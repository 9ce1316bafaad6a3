import Foundation
import Testing

/// Ctrl-\ (SIGQUIT) in the dashboard: the terminal comes back and the process ends like
/// on SIGTERM, with 128 + 3, instead of a backtrace drawn over the screen.
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardSignalTests {
    @Test func controlBackslashQuitsAndRestoresTheTerminal() throws {
        let pane = try TmuxPane(arguments: DashboardEndToEndTests.small + ["--steps", "100000"])
        defer { pane.close() }
        _ = try pane.waitFor("RUNNING")
        pane.send(keys: ["C-\\"])
        #expect(try pane.waitForExit() == 128 + SIGQUIT)
        try pane.expectTerminalRestored()
        #expect(!(try pane.screen()).contains("Backtrace"), "the runtime's crash report must not appear")
    }
}
