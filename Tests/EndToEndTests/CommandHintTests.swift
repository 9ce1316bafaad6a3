import Foundation
import Testing

/// Hints say a command the user can run, whole; every error line starts alike; `train`
/// takes `--no-record` as the dashboard does (issue 21, item 12).
@Suite(.serialized, .enabled(if: TmuxPane.isAvailable, "needs tmux"))
struct CommandHintTests {
    /// After a recorded session the hint to continue it is a command on a line of its own,
    /// and typed as it stands (the program is not on the pane's PATH) it continues the run.
    @Test func theResumeHintIsACommandThatRuns() throws {
        let pane = try TmuxPane(arguments: DashboardEndToEndTests.small, columns: 80, rows: 24)
        defer { pane.close() }
        _ = try pane.waitFor("AT TARGET")
        pane.send(keys: ["q"])
        #expect(try pane.waitForExit() == 0)
        let lines = try pane.joinedScreen().split(separator: "\n").map(String.init)
        let said = try #require(lines.firstIndex { $0.hasPrefix("run: model.nstep (30 steps); continue it with:") },
                                "\(lines)")
        let hint = lines[said + 1]
        let command = try #require(hint.firstMatch(of: /^  (\S+) dashboard --resume model\.nstep$/).map { String($0.1) },
                                   "the hint: \(hint)")
        #expect(command == "noisestep" || FileManager.default.isExecutableFile(atPath: command), "\(command)")
        pane.send(keys: [String(hint.dropFirst(2)) + " --steps 31", "Enter"])
        _ = try pane.waitFor("step 31/31")
        pane.send(keys: ["q"])
    }

    /// One prefix for every error, whoever finds it: the command line, a file, the rulebook.
    @Test func everyErrorLineStartsWithTheProgramsName() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let failures = [["train", "--steps", "-5"], ["info", directory.appendingPathComponent("missing.nstep").path],
                        ["trian"], ["eval"], ["train", "--no-record", "--out", directory.appendingPathComponent("x.nstep").path],
                        ["dashboard", "--fps", "5"]]
        for arguments in failures {
            let outcome = try BinaryUnderTest.run(arguments)
            #expect(outcome.status != 0 && outcome.stderr.hasPrefix("noisestep: ") && !outcome.stderr.contains("Error:"),
                    "\(arguments): \(outcome.stderr)")
        }
    }

    /// `train --no-record`, as the dashboard takes it: trains and keeps no log.
    @Test func trainTakesNoRecord() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outcome = try BinaryUnderTest.run(["train", "--no-record", "--steps", "3", "--batch", "64", "--samples", "4",
                                               "--hidden", "8"], directory: directory)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
