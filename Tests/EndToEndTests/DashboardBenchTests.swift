import Foundation
import Testing

/// `bench --dashboard` and `bench --dashboard-memory` end to end, tiny: the dashboard in
/// tmux for a few steps, as the README's figures are measured (issue 21, item 1).
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct DashboardBenchTests {
    /// Every round writes its own metrics file: the second round used to find the first's.
    /// Its tmux server is its own (not the user's default one) and gone afterwards, socket
    /// file and all.
    @Test func theDashboardBenchRunsMoreThanOneRound() throws {
        let sockets = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: sockets) }
        let outcome = try BinaryUnderTest.run(["bench", "--dashboard", "--rounds", "2", "--dashboard-steps", "5",
                                               "--threads", "1", "--json"], environment: ["TMUX_TMPDIR": sockets.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        #expect((object?["dashboard_by_round"] as? [Double])?.count == 2, "\(outcome.stdout)")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: sockets.appendingPathComponent("tmux-\(getuid())").path)) ?? []
        #expect(left.isEmpty, "tmux sockets left behind: \(left)")
    }

    /// The memory bench compares the end with a reference step and gives a verdict.
    @Test func theMemoryBenchComparesTheEndWithAReferenceStep() throws {
        let outcome = try BinaryUnderTest.run(["bench", "--dashboard-memory", "--memory-steps", "40", "--memory-batch", "64",
                                               "--threads", "1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("default options but batch 64"), "\(outcome.stdout)")
        #expect(outcome.stdout.firstMatch(of: /at step \d+ +\d+\.\d MiB; at the end \d+\.\d MiB; growth/) != nil, "\(outcome.stdout)")
    }
}
