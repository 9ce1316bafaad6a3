import Foundation
import Testing

/// Issue 17, weak spot: `eval` and `info` score a run on the data they are given; when
/// the run's log records other training data, they say so.
@Suite struct OtherDataNoteTests {
    @Test func scoringARunOnAnotherSetSaysSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = try SmallDataTests.assets(perClass: 60, in: scratch) + "/mnist-5k"
        for part in ["images-idx3-ubyte", "labels-idx1-ubyte"] {
            try FileManager.default.copyItem(atPath: folder + "/train-" + part, toPath: folder + "/t10k-" + part)
        }
        let small = ["--steps", "3", "--batch", "64", "--hidden", "32"]
        #expect(try scratch.run(["train", "--out", "bundled.nstep"] + small).status == 0)
        #expect(try scratch.run(["train", "--out", "own.nstep", "--data", folder] + small).status == 0)
        for command in [["eval", "bundled.nstep", "--data", folder], ["info", "bundled.nstep", "--data", folder],
                        ["eval", "own.nstep"]] {
            let outcome = try scratch.run(command)
            #expect(outcome.status == 0 && outcome.stderr.contains(".nstep was trained on other data"), "\(command): \(outcome.stderr)")
        }
        for command in [["eval", "bundled.nstep"], ["info", "own.nstep", "--data", folder], ["eval", "own.nstep", "--data", folder]] {
            let outcome = try scratch.run(command)
            #expect(outcome.status == 0 && outcome.stderr.isEmpty, "\(command): \(outcome.stderr)")
        }
    }
}
