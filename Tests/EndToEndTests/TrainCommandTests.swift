import Foundation
import Testing
@testable import noisestep

/// `noisestep train` and `eval` run as a person would run them, without a terminal.
@Suite(.serialized) struct TrainCommandTests {
    let small = ["--steps", "20", "--batch", "128", "--samples", "16", "--hidden", "32", "--eval-every", "10"]

    @Test func trainsWritesMetricsAndAModelThatEvalReads() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let model = directory.appendingPathComponent("run.nstep").path
        let metrics = directory.appendingPathComponent("run.jsonl").path
        let trained = try BinaryUnderTest.run(["train"] + small + ["--log-every", "5", "--out", model, "--metrics", metrics])
        #expect(trained.status == 0, "\(trained.stderr)")
        #expect(!trained.stdout.contains("\r"), "no carriage returns when stdout is not a terminal")
        let progress = trained.stdout.split(separator: "\n").filter { $0.hasPrefix("step ") }
        #expect(progress.count == 4, "one line every 5 of 20 steps:\n\(trained.stdout)")
        #expect(trained.stdout.contains("validation accuracy"))

        let lines = try String(contentsOfFile: metrics, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)
        let objects = try lines.map { try StrictJSON.object($0) }
        #expect(objects[0]["step"] as? Int == 1 && lines[0].hasPrefix("{\"step\":1,"))
        #expect(objects[0]["loss"] is Double)
        #expect(objects[9]["validation_accuracy"] is Double && objects[8]["validation_accuracy"] == nil)
        #expect(Set(objects[9].keys) == ["step", "loss", "batch_accuracy", "validation_accuracy", "kept", "samples",
                                          "acceptance", "weights_changed", "perturbed_entries", "sparsity",
                                          "layer_sparsity", "density", "reject_quantile", "step_seconds", "run"])

        let evaluated = try BinaryUnderTest.run(["eval", "--model", model, "--json"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let outputLines = evaluated.stdout.split(separator: "\n")
        #expect(outputLines.count == 1)
        let result = try StrictJSON.object(outputLines[0])
        #expect(Set(result.keys) == ["accuracy", "correct", "total"])
        #expect(result["total"] as? Int == 500)
        #expect((result["accuracy"] as? Double ?? -1) >= 0)
    }

    /// 12 steps, then a resume to 20, equal an uninterrupted 20-step run, byte for byte.
    @Test func resumedRunEqualsAnUninterruptedOne() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        let tail = Array(small.dropFirst(2))  // without --steps 20
        #expect(try BinaryUnderTest.run(["train", "--steps", "20", "--out", path("whole.nstep")] + tail).status == 0)
        #expect(try BinaryUnderTest.run(["train", "--steps", "12", "--out", path("part.nstep")] + tail).status == 0)
        let resumed = try BinaryUnderTest.run(["train", "--steps", "20", "--resume", path("part.nstep"), "--threads", "1"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        for name in ["whole", "part"] {
            let replay = try BinaryUnderTest.run(["replay", path("\(name).nstep"), "--out", path("\(name)-model.nstep")])
            #expect(replay.status == 0, "\(replay.stderr)")
        }
        let whole = try Data(contentsOf: URL(fileURLWithPath: path("whole-model.nstep")))
        let part = try Data(contentsOf: URL(fileURLWithPath: path("part-model.nstep")))
        #expect(whole == part)
    }

    /// The default probes 512 perturbations a step, `--paper` the paper's 128, and an
    /// explicit --samples wins over both.
    @Test func paperKeepsItsSamplesAndExplicitOnesWin() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (extra, expected) in [([String](), 512), (["--paper"], 128), (["--paper", "--samples", "16"], 16)] {
            let metrics = directory.appendingPathComponent("run-\(expected).jsonl").path
            let arguments = ["train", "--steps", "1", "--batch", "64", "--hidden", "32", "--eval-every", "0",
                             "--metrics", metrics] + extra
            let outcome = try BinaryUnderTest.run(arguments)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let line = try String(contentsOfFile: metrics, encoding: .utf8).split(separator: "\n").first ?? ""
            let first = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(first?["samples"] as? Int == expected, "\(extra)")
        }
    }

    /// Another of the bundled subset's folds can be held out; a data directory has none.
    /// --arch conv trains the conv preset, and its log names the layers.
    @Test func theConvPresetTrainsAndItsLogNamesItsLayers() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let trained = try scratch.run(["train", "--arch", "conv", "--steps", "2", "--batch", "64", "--samples", "8",
                                       "--eval-every", "0", "--out", "conv.nstep"])
        #expect(trained.status == 0, "\(trained.stderr)")
        let info = try StrictJSON.object(try scratch.run(["info", "conv.nstep", "--json"]).stdout)
        #expect(info["layers"] as? [String] == ["conv 16 5", "pool 2", "conv 32 5", "pool 2", "dense 128", "dense 10"])
        #expect(info["parameters"] as? Int == 80_202)
    }

    /// --arch conv brings its own training defaults (many sparse probes, the surest signs,
    /// a growing batch), and an option given still wins over them.
    @Test func theConvPresetHasItsOwnDefaultsAndGivenOptionsWin() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (extra, samples, quantile) in [([String](), 8192, 0.95), (["--samples", "64", "--reject-quantile", "0.5"], 64, 0.5)] {
            let name = "conv-\(samples).nstep"
            let trained = try scratch.run(["train", "--arch", "conv", "--steps", "1", "--batch", "1024",
                                           "--eval-every", "0", "--out", name] + extra)
            #expect(trained.status == 0, "\(trained.stderr)")
            let info = try StrictJSON.object(try scratch.run(["info", name, "--json"]).stdout)
            let options = try #require(info["options"] as? [String: Any])
            #expect(options["samples"] as? Int == samples)
            #expect(options["reject_quantile"] as? Double == quantile)
            #expect(options["density"] as? Double == 1.25e-5)
            #expect(options["schedule"] as? String == "fixed" && options["redraw"] as? Double == 0.25)
            let ramp = try #require(options["ramp"] as? [String: Any])
            #expect(ramp["steps"] as? Int == 1500 && ramp["quantile_to"] as? Double == 0.995 && ramp["batch_from"] as? Int == 512,
                    "\(ramp)")
        }
        let mlp = try scratch.run(["train", "--steps", "1", "--batch", "64", "--hidden", "32", "--eval-every", "0", "--out", "mlp.nstep"])
        #expect(mlp.status == 0, "\(mlp.stderr)")
        let options = try #require(try StrictJSON.object(try scratch.run(["info", "mlp.nstep", "--json"]).stdout)["options"] as? [String: Any])
        #expect(options["samples"] as? Int == 512 && options["schedule"] as? String == "paper", "\(options)")
        // A resumed run goes as far as its own model's runs do, unless --steps says.
        let none = try TrainingArguments.parse([]), seven = try TrainingArguments.parse(["--steps", "7"])
        #expect(none.targetStep(resuming: scratch.path("conv-8192.nstep")) == 1500)
        #expect(none.targetStep(resuming: scratch.path("mlp.nstep")) == 2000)
        #expect(seven.targetStep(resuming: scratch.path("conv-8192.nstep")) == 7)
        #expect(none.targetStep(resuming: scratch.path("missing.nstep")) == 2000, "the resume itself refuses it")
        #expect(try TrainingArguments.parse(["--arch", "conv"]).targetStep() == 1500 && none.targetStep() == 2000)
    }

    @Test func anotherHoldoutFoldIsNamed() throws {
        let other = try BinaryUnderTest.run(["train"] + small + ["--holdout-fold", "0"])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout.contains("(4500 train / 500 validation, fold 0)"), "\(other.stdout)")
        let outside = try BinaryUnderTest.run(["train"] + small + ["--holdout-fold", "10"])
        #expect(outside.status != 0 && outside.stderr.contains("--holdout-fold: 10 is outside 0...9"), "\(outside.stderr)")
        let withData = try BinaryUnderTest.run(["train"] + small + ["--holdout-fold", "1", "--data", "/nonexistent"])
        #expect(withData.status != 0 && withData.stderr.contains("--holdout-fold"), "\(withData.stderr)")
    }

    @Test(arguments: [
        (["--density", "1.5"], "--density"),
        (["--density", "0"], "--density"),
        (["--reject-quantile", "1"], "--reject-quantile"),
        (["--hidden", ""], "--hidden"),
        (["--hidden", "256,x"], "--hidden"),
        (["--data", "/nonexistent/mnist"], "/nonexistent/mnist"),
        (["--density", "1e-300"], "--density: 1e-300 is outside"),
        (["--temperature", "1e-300"], "--temperature: 1e-300 is outside"),
        (["--hidden", "-5"], "--hidden: a layer width of -5 is outside 1...65536"),
        // The keep rule and the ramp.
        (["--keep-by", "sideways"], "--keep-by"),
        (["--keep-floor", "-1"], "--keep-floor: -1 is negative"),
        (["--quantile-schedule", "cosine"], "--quantile-schedule"),
        (["--quantile-to", "1"], "--quantile-to: 1 is outside [0, 1)"),
        (["--ramp-steps", "0"], "--ramp-steps: 0 is outside 1...4294967295"),
        (["--batch-from", "129"], "--batch-from: 129 is outside 1...128"),
        (["--quantile-schedule", "fixed", "--quantile-to", "0.9"], "--quantile-to: the quantile ramps only with"),
        (["--batch-from", "0"], "--batch-from: 0 is outside 1...1048576"),
        (["--arch", "conv"], "--hidden sets the MLP's widths; --arch conv has none"),
        (["--arch", "lenet"], "--arch"),
        (["--redraw", "1.5"], "--redraw: 1.5 is outside"),
        (["--arch", "mlp", "--layers", "dense 10"], "--arch and --layers both name the model"),
    ])
    func badInputGetsOneLineAndNoTraining(arguments: [String], named: String) throws {
        let outcome = try BinaryUnderTest.run(["train"] + small + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(named) && outcome.stderr.split(separator: "\n").count == 1,
                "stderr: \(outcome.stderr)")
        #expect(!outcome.stdout.contains("step "), "no training may start: \(outcome.stdout)")
    }

    /// A resume whose target is already reached says so and trains nothing; the header
    /// names the whole architecture.
    @Test func aTargetAlreadyReachedTrainsNothingAndSaysSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let first = try scratch.run(["train"] + small + ["--steps", "3", "--out", "r.nstep"])
        #expect(first.status == 0 && first.stdout.contains("training 784→32→10 ternary MLP"), "\(first.stdout)")
        let again = try scratch.run(["train", "--steps", "2", "--resume", "r.nstep"])
        #expect(again.status == 0 && again.stdout.contains("nothing to train: at step 3 already, and --steps asks for 2")
                && again.stdout.contains("done: 0 steps") && !again.stdout.contains("ms/step"), "\(again.stdout)")
    }

    /// A bad option is what is named, even when --out names a file that is kept, and no
    /// file is written.
    @Test func optionsAreCheckedBeforeTheOutputs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.run(["train", "--steps", "2"] + small + ["--out", "x.nstep"]).status == 0)
        let outcome = try scratch.run(["train", "--steps", "2"] + small + ["--out", "x.nstep", "--batch", "-5"])
        #expect(outcome.status == 64 && outcome.stderr.contains("--batch: -5 is negative"), "\(outcome.stderr)")
        let fresh = try scratch.run(["train", "--steps", "2"] + small + ["--out", "y.nstep", "--temperature", "1e-300"])
        #expect(fresh.status == 64 && !scratch.exists("y.nstep"), "\(fresh.stderr)")
        let replay = try scratch.run(["replay", "x.nstep", "--to", "99999", "--out", "z.nstep"])
        #expect(replay.status == 64 && replay.stderr.contains("--to 99999 is outside the steps it holds, 0...2"),
                "\(replay.stderr)")
    }

    @Test func corruptDataFileIsNamed() throws {
        let directory = try BinaryUnderTest.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"] {
            try Data([0, 0, 8, 3, 0, 0, 0, 9]).write(to: directory.appendingPathComponent(name))
        }
        let outcome = try BinaryUnderTest.run(["train"] + small + ["--data", directory.path])
        #expect(outcome.status != 0)
        let errorLines = outcome.stderr.split(separator: "\n")
        #expect(errorLines.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("train-images-idx3-ubyte"))
    }

    @Test func evalRejectsAMissingModel() throws {
        let outcome = try BinaryUnderTest.run(["eval", "--model", "/nonexistent/run.nstep"])
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("/nonexistent/run.nstep"))
    }
}
