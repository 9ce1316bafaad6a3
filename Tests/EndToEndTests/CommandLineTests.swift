import Foundation
import Testing

/// The command line's own answers: eval, info, the version, mistakes and exit statuses.
@Suite(.serialized)
struct CommandLineTests {
    static let small = ["--steps", "20", "--batch", "128", "--samples", "16", "--hidden", "32", "--eval-every", "10"]

    /// A 20-step run in a fresh folder, removed by the caller.
    static func trainedModel() throws -> (directory: URL, model: String) {
        let directory = try BinaryUnderTest.temporaryDirectory()
        let model = directory.appendingPathComponent("run.nstep").path
        let trained = try BinaryUnderTest.run(["train"] + small + ["--out", model])
        #expect(trained.status == 0, "\(trained.stderr)")
        return (directory, model)
    }

    @Test func evalTakesTheFileAsAnArgumentOrWithModel() throws {
        let (directory, model) = try Self.trainedModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try BinaryUnderTest.run(["eval", model])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("on the bundled validation split") && plain.stdout.contains("/500)"), "\(plain.stdout)")
        let alias = try BinaryUnderTest.run(["eval", "--model", model])
        #expect(alias.stdout == plain.stdout)
        let both = try BinaryUnderTest.run(["eval", model, "--model", model + "x"])
        #expect(both.status == 64 && both.stderr.contains("give one file"))
        let none = try BinaryUnderTest.run(["eval"])
        #expect(none.status == 64 && none.stderr.contains("noisestep eval FILE"))
    }

    @Test func evalPerClassAndCalibrationInTextAndJSON() throws {
        let (directory, model) = try Self.trainedModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try BinaryUnderTest.run(["eval", model, "--per-class", "--calibration"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n")
        #expect(lines.count == 1 + 1 + 10 + 4, "summary, header, ten classes, calibration four times:\n\(text.stdout)")
        #expect(lines[1].contains("class") && lines[1].contains("predicted as:"))
        #expect(lines[12].hasPrefix("calibration: expected calibration error (10 bins)"))
        #expect(lines[12].contains("softmax(logits / 8), the training temperature"))
        #expect(lines[13].hasPrefix("  drawn as on the pad: expected calibration error (10 bins)"))
        #expect(lines[14].hasPrefix("  the pad's confidence (a temperature per kind, fitted on half the digits"))
        #expect(lines[15].firstMatch(of: /600 drawings that are no digit: \d+% unsure/) != nil, "\(lines[15])")

        let json = try BinaryUnderTest.run(["eval", model, "--per-class", "--calibration", "--json"])
        let jsonLines = json.stdout.split(separator: "\n")
        #expect(jsonLines.count == 1)
        let object = try StrictJSON.object(jsonLines[0])
        #expect(Set(object.keys) == ["accuracy", "correct", "total", "per_class", "confusion", "calibration",
                                     "pad_calibration", "pad_check", "non_digit_confidence"])
        let perClass = try #require(object["per_class"] as? [[String: Any]])
        let confusion = try #require(object["confusion"] as? [[Int]])
        #expect(perClass.count == 10 && confusion.count == 10 && confusion.allSatisfy { $0.count == 10 })
        #expect(confusion.joined().reduce(0, +) == object["total"] as? Int)
        #expect(perClass.map { $0["correct"] as? Int ?? -1 } == (0 ..< 10).map { confusion[$0][$0] })
        let calibration = try #require(object["calibration"] as? [String: Any])
        #expect(calibration["bins"] as? Int == 10 && calibration["temperature"] as? Double == 8)
        #expect(calibration["plain"] is Double && calibration["tempered"] is Double)
        #expect((object["pad_calibration"] as? [String: Any])?["tempered"] is Double)
        let check = try #require(object["pad_check"] as? [String: Any])
        #expect((check["clean"] as? [String: Any])?["expected_calibration_error"] is Double)
        #expect((check["non_digits"] as? [String: Any])?["unsure_share"] is Double)
        #expect(object["non_digit_confidence"] is Double)
    }

    @Test func infoShowsTheOptionsAndTheValidationAccuracy() throws {
        let (directory, model) = try Self.trainedModel()
        defer { try? FileManager.default.removeItem(at: directory) }
        let info = try BinaryUnderTest.run(["info", model])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("  options    --hidden 32 --input gray --batch 128 --samples 16 --density 6e-05"))
        #expect(info.stdout.contains("--temperature 8 --shift 1 --rotate 0 --scale 0"))
        let evaluated = try BinaryUnderTest.run(["eval", model, "--json"])
        let accuracy = try #require(try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any])
        let correct = try #require(accuracy["correct"] as? Int)
        #expect(info.stdout.contains("  validation ") && info.stdout.contains("(\(correct)/500) on the bundled validation split, after step 20"),
                "\(info.stdout)")
        let json = try BinaryUnderTest.run(["info", model, "--json"])
        let object = try StrictJSON.object(json.stdout)
        #expect(Set(object.keys) == ["file", "architecture", "layers", "model", "parameters", "seed", "input", "generator", "steps",
                                     "start_step", "records", "weights_steps", "file_bytes", "torn_bytes", "bits_per_step",
                                     "ternary_bytes", "two_bit_bytes", "float32_bytes", "sparsity", "last_loss",
                                     "last_batch_accuracy", "options", "last_settings", "validation", "optimizer",
                                     "settings_changes", "new_leg"])
        #expect((object["options"] as? [String: Any])?["batch"] as? Int == 128)
        #expect((object["options"] as? [String: Any])?["reject_quantile"] as? Double == 0.5)
        #expect((object["last_settings"] as? [String: Any])?["samples"] as? Int == 16)
        #expect((object["validation"] as? [String: Any])?["correct"] as? Int == correct)
        #expect(object["steps"] as? Int == 20)
        #expect(object["optimizer"] as? String == "noise-step")
        // The paper schedule's first drop, listed as a change of settings.
        let changes = try #require(object["settings_changes"] as? [[String: Any]])
        #expect(changes.allSatisfy { $0["by_schedule"] as? Bool == true && $0["step"] is Int }, "\(changes)")
    }

    @Test func versionAndUnknownCommands() throws {
        let version = try BinaryUnderTest.run(["--version"])
        #expect(version.status == 0 && version.stdout.firstMatch(of: /^\d+\.\d+\.\d+\n$/) != nil, "\(version.stdout)")
        let unknown = try BinaryUnderTest.run(["trian", "--steps", "5"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.hasPrefix("noisestep: 'trian' is not a command; the commands are dashboard, train, eval, "
            + "replay, info, export, bench (dashboard when none is given). See "))
        // The command to run: the binary under test is not on the PATH, so a path to it.
        #expect(unknown.stderr.hasSuffix("/noisestep --help.\n"), "\(unknown.stderr)")
    }

    @Test(arguments: [
        (["eval", "x.nstep", "--threads", "-2"], "--threads: -2 is negative"),
        (["dashboard", "--fps", "-5"], "--fps: -5 is negative; it must be in 10...30"),
        (["bench", "--threads=-1"], "--threads: -1 is negative"),
        (["dashboard", "--steps", "-5"], "--steps: -5 is negative"),
        (["dashboard", "--samples", "-1"], "--samples: -1 is negative"),
    ])
    func negativeNumbersAreNamedAsSuch(arguments: [String], message: String) throws {
        let outcome = try BinaryUnderTest.run(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    /// On a terminal 60 columns wide the live progress line stays on one row.
    @Test(.enabled(if: TmuxPane.isAvailable, "needs tmux"))
    func trainsProgressLineFitsTheTerminal() throws {
        let pane = try TmuxPane(arguments: ["train", "--steps", "400", "--batch", "64", "--samples", "16",
                                            "--hidden", "32", "--eval-every", "100"], columns: 60, rows: 20, record: false)
        defer { pane.close() }
        #expect(try pane.waitForExit(seconds: 60) == 0)
        let screen = try pane.screen()
        let lines = screen.split(separator: "\n")
        let progress = try #require(lines.firstIndex { $0.hasPrefix("step 400/400") }, "\(screen)")
        #expect(lines[progress + 1].hasPrefix("done: "), "the progress line left a wrapped piece:\n\(screen)")
        #expect(lines[progress].count < 60)
    }
}
