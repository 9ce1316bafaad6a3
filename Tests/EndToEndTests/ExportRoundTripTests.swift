import Foundation
import Testing

/// `noisestep export` read back by the tools users run it with: onnxruntime for the ONNX
/// model, the README's numpy code for the safetensors file (Tests/Export). Every image's
/// predicted class must equal `eval`'s.
@Suite(.serialized, .enabled(if: PythonTools.exportChecks, "needs python3 with numpy, onnxruntime, safetensors"))
struct ExportRoundTripTests {
    static let assets = BinaryUnderTest.packageRoot.appendingPathComponent("assets/mnist-5k").path

    /// Trains a short run with `options`, exports both formats, and checks them against
    /// `eval --json --predictions` on the bundled validation split.
    func roundTrip(_ options: [String], steps: Int = 30) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let train = try scratch.run(["train", "--steps", String(steps), "--eval-every", "0", "--out", "run.nstep"] + options)
        try #require(train.status == 0, "\(train.stderr)")
        for format in ["onnx", "safetensors"] {
            let export = try scratch.run(["export", "run.nstep", "--format", format])
            #expect(export.status == 0 && export.stdout.contains("wrote run.\(format)"), "\(export.stderr)")
        }
        let eval = try scratch.run(["eval", "run.nstep", "--json", "--predictions"])
        try #require(eval.status == 0, "\(eval.stderr)")
        try scratch.write(Array(eval.stdout.utf8), to: "eval.json")
        let check = try PythonTools.run([PythonTools.script("Export/check_export.py"), "--eval", "eval.json",
                                         "--onnx", "run.onnx", "--safetensors", "run.safetensors",
                                         "--bundled", Self.assets], directory: scratch.directory)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        for figure in ["\"onnx_differ\": 0", "\"numpy_differ\": 0", "\"images\": 500"] {
            #expect(check.stdout.contains(figure), "\(check.stdout)")
        }
    }

    @Test func greyInputAtTheDefaultArchitecture() throws {
        try roundTrip([])
    }

    @Test func binaryInputDeeperAndColder() throws {
        try roundTrip(["--input", "binary", "--hidden", "64,32,16", "--temperature", "1", "--samples", "64"])
    }

    @Test func anAdamSTEModel() throws {
        try roundTrip(["--optimizer", "adam-ste", "--hidden", "64", "--batch", "256"], steps: 40)
    }

    @Test func aConvolutionalNet() throws {
        try roundTrip(["--layers", "conv 4 5, pool 2, conv 8 3, pool 2, dense 10", "--samples", "64"], steps: 12)
    }

    @Test func binaryInputPooledFirst() throws {
        try roundTrip(["--input", "binary", "--layers", "pool 2, conv 6 3, dense 16, dense 10", "--samples", "64"],
                      steps: 12)
    }

    /// The README quotes Tests/Export/run_safetensors.py whole, and run as the README says
    /// it prints eval's accuracy.
    @Test func theReadmeSnippetIsTheTestedFileAndReproducesEval() throws {
        let snippet = try String(contentsOfFile: PythonTools.script("Export/run_safetensors.py"), encoding: .utf8)
        let readme = try String(contentsOf: BinaryUnderTest.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("```python\n" + snippet + "```\n"), "README.md quotes Tests/Export/run_safetensors.py verbatim")

        let scratch = try Scratch()
        defer { scratch.remove() }
        // A test directory whose t10k files are the bundled subset's 5,000 images.
        try FileManager.default.createDirectory(atPath: scratch.path("data"), withIntermediateDirectories: true)
        for kind in ["images-idx3-ubyte.gz", "labels-idx1-ubyte.gz"] {
            #expect(symlink(Self.assets + "/train-" + kind, scratch.path("data/t10k-" + kind)) == 0)
        }
        #expect(try scratch.run(["train", "--steps", "20", "--eval-every", "0", "--out", "run.nstep"]).status == 0)
        #expect(try scratch.run(["export", "run.nstep", "--format", "safetensors"]).status == 0)
        let eval = try scratch.run(["eval", "run.nstep", "--data", "data", "--json"])
        let snippetRun = try PythonTools.run([PythonTools.script("Export/run_safetensors.py"), "run.safetensors", "data"],
                                             directory: scratch.directory)
        #expect(snippetRun.status == 0, "\(snippetRun.stderr)")
        let correct = try #require(eval.stdout.firstMatch(of: /"correct":(\d+)/)?.1)
        #expect(snippetRun.stdout.contains("(\(correct)/5000)"), "eval: \(eval.stdout) snippet: \(snippetRun.stdout)")
    }
}
