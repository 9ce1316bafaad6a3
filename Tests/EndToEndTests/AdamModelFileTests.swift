import Foundation
import Testing

/// `train --optimizer adam-ste --out FILE`: a model file that eval, info and export read,
/// and that replay and --resume refuse in one line (its fp32 state is not saved).
@Suite(.serialized) struct AdamModelFileTests {
    static let small = ["--optimizer", "adam-ste", "--batch", "64", "--hidden", "32", "--eval-every", "0"]

    @Test func evalInfoAndExportReadItReplayAndResumeRefuseIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let train = try scratch.run(["train", "--steps", "5", "--out", "adam.nstep"] + Self.small)
        #expect(train.status == 0 && train.stdout.contains("model: adam.nstep (Adam-STE, 5 steps"), "\(train.stderr)")
        let eval = try scratch.run(["eval", "adam.nstep", "--json"])
        #expect(eval.status == 0 && eval.stdout.contains("\"total\":500"), "\(eval.stderr)")
        let info = try scratch.run(["info", "adam.nstep"])
        #expect(info.status == 0 && info.stdout.contains("trained by Adam-STE (learning rate 0.001")
                && info.stdout.contains("5 steps"), "\(info.stdout) \(info.stderr)")
        let json = try StrictJSON.object(try scratch.run(["info", "adam.nstep", "--json"]).stdout)
        #expect(json["optimizer"] as? String == "adam-ste")
        #expect((json["adam_settings"] as? [String: Any])?["learning_rate"] as? Double == 0.001)
        #expect(try scratch.run(["export", "adam.nstep", "--format", "onnx"]).stdout.contains("(adam-ste)"))
        let before = scratch.bytes("adam.nstep")
        for command in [["train", "--resume", "adam.nstep", "--steps", "9"], ["replay", "adam.nstep", "--out", "m.nstep"]] {
            let outcome = try scratch.run(command)
            #expect(outcome.status == 1 && outcome.stderr.contains("adam.nstep: holds an Adam-STE model")
                    && outcome.stderr.split(separator: "\n").count == 1, "\(command): \(outcome.stderr)")
        }
        #expect(scratch.bytes("adam.nstep") == before && !scratch.exists("m.nstep"))
        let resumeAdam = try scratch.run(["train", "--resume", "adam.nstep", "--optimizer", "adam-ste"])
        #expect(resumeAdam.status == 64 && resumeAdam.stderr.contains("cannot be resumed"), "\(resumeAdam.stderr)")
    }

    /// --out keeps what is there; --force replaces a model file, never a run's log.
    @Test func itsOutputFollowsTheFileRules() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "2", "--out", "adam.nstep"] + Self.small).status == 0)
        let first = scratch.bytes("adam.nstep")
        let again = try scratch.run(["train", "--steps", "3", "--out", "adam.nstep"] + Self.small)
        #expect(again.status == 1 && again.stderr.contains("already exists and is kept; pass --force"), "\(again.stderr)")
        #expect(!again.stdout.contains("done:"), "refused before training")
        #expect(scratch.bytes("adam.nstep") == first)
        #expect(try scratch.run(["train", "--steps", "3", "--out", "adam.nstep", "--force"] + Self.small).status == 0)
        #expect(try scratch.run(["info", "adam.nstep"]).stdout.contains("3 steps"))
        #expect(try scratch.run(["train", "--steps", "2", "--out", "run.nstep"] + Array(Self.small.dropFirst(2))).status == 0)
        let run = scratch.bytes("run.nstep")
        let overRun = try scratch.run(["train", "--steps", "2", "--out", "run.nstep", "--force"] + Self.small)
        #expect(overRun.status == 1 && overRun.stderr.contains("run.nstep: is not a noisestep model file"), "\(overRun.stderr)")
        #expect(scratch.bytes("run.nstep") == run)
    }
}
