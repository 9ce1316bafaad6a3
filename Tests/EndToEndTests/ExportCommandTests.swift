import Foundation
import Testing

/// `noisestep export` as a person meets it: where it writes, what it keeps, and one line
/// for every input it cannot use.
@Suite(.serialized) struct ExportCommandTests {
    static let small = ["--batch", "64", "--samples", "16", "--hidden", "32", "--eval-every", "0"]

    static func trained(_ scratch: Scratch, steps: Int = 4) throws {
        let outcome = try scratch.run(["train", "--steps", String(steps), "--out", "run.nstep"] + small)
        try #require(outcome.status == 0, "\(outcome.stderr)")
    }

    /// One line on stderr, a failing status, and no output file.
    static func expectRefusal(_ outcome: BinaryUnderTest.Outcome, _ words: String, status: Int32 = 1,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status == status, "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stderr.contains(words) && outcome.stderr.split(separator: "\n").count == 1,
                "\(outcome.stderr)", sourceLocation: sourceLocation)
        #expect(outcome.stdout.isEmpty, "\(outcome.stdout)", sourceLocation: sourceLocation)
    }

    @Test func damagedAndForeignInputsGetOneLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.trained(scratch)
        var damaged = scratch.bytes("run.nstep")
        damaged[LogSurgery.sections(damaged)[1] + 8] ^= 0x10  // inside step 2's record
        try scratch.write(damaged, to: "damaged.nstep")
        try scratch.write(Array("hello, not a model\n".utf8), to: "text.nstep")
        try scratch.write(Array(scratch.bytes("run.nstep").prefix(20)), to: "cut.nstep")
        #expect(mkfifo(scratch.path("fifo.nstep"), 0o600) == 0 && mkdir(scratch.path("folder.nstep"), 0o700) == 0)
        #expect(try scratch.run(["export", "run.nstep", "--format", "onnx"]).status == 0)
        let cases = [("damaged.nstep", "damaged.nstep: section 2 (step record)"), ("text.nstep", "text.nstep"),
                     ("cut.nstep", "cut.nstep"), ("missing.nstep", "missing.nstep: no such file"),
                     ("fifo.nstep", "is a FIFO"), ("folder.nstep", "is a directory"), ("run.onnx", "run.onnx")]
        for (input, words) in cases {
            for format in ["onnx", "safetensors"] {
                let outcome = try scratch.run(["export", input, "--format", format, "--out", "out.\(format)"])
                Self.expectRefusal(outcome, words)
                #expect(!scratch.exists("out.\(format)"), "\(input) → nothing written")
            }
        }
        Self.expectRefusal(try scratch.run(["export", "run.nstep", "--format", "tflite"]), "tflite", status: 64)
        Self.expectRefusal(try scratch.run(["export", "run.nstep"]), "--format", status: 64)
    }

    @Test func outputsFollowTheFileRules() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.trained(scratch)
        let run = scratch.bytes("run.nstep")
        // The default name, then never over it without --force; with --force, over an export only.
        #expect(try scratch.run(["export", "run.nstep", "--format", "safetensors"]).stdout.contains("wrote run.safetensors"))
        let first = scratch.bytes("run.safetensors")
        Self.expectRefusal(try scratch.run(["export", "run.nstep", "--format", "safetensors"]),
                           "run.safetensors: already exists and is kept; pass --force")
        #expect(try scratch.run(["export", "run.nstep", "--format", "safetensors", "--force"]).status == 0)
        #expect(scratch.bytes("run.safetensors") == first, "the same model gives the same bytes")
        // --force never replaces a run, another format's export, or a file of someone else's.
        try scratch.write(Array("notes\n".utf8), to: "notes.onnx")
        #expect(try scratch.run(["export", "run.nstep", "--format", "onnx", "--out", "model.onnx"]).status == 0)
        for (out, format) in [("run.nstep", "onnx"), ("other.nstep", "safetensors"), ("notes.onnx", "onnx"),
                              ("run.safetensors", "onnx"), ("model.onnx", "safetensors")] {
            if out == "other.nstep" { try scratch.write(run, to: out) }
            let before = scratch.bytes(out)
            let outcome = try scratch.run(["export", "run.nstep", "--format", format, "--out", out, "--force"])
            #expect(outcome.status == 1 && outcome.stderr.split(separator: "\n").count == 1, "\(out): \(outcome.stderr)")
            if out == "run.nstep" { #expect(outcome.stderr.contains("run.nstep: is the model being exported")) }
            #expect(scratch.bytes(out) == before, "\(out) is kept")
        }
        #expect(mkfifo(scratch.path("pipe.onnx"), 0o600) == 0)
        Self.expectRefusal(try scratch.run(["export", "run.nstep", "--format", "onnx", "--out", "pipe.onnx", "--force"]),
                           "pipe.onnx: is a FIFO")
        #expect(OutputSafetyTests.kind(scratch.path("pipe.onnx")) == S_IFIFO)
        Self.expectRefusal(try scratch.run(["export", "run.nstep", "--format", "onnx", "--out", "nowhere/model.onnx"]),
                           "its folder does not exist")
        #expect(scratch.bytes("run.nstep") == run, "the run is never touched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Exports describe the model they hold: names, shapes, metadata.
    @Test func safetensorsHeaderNamesEveryTensor() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try Self.trained(scratch)
        #expect(try scratch.run(["export", "run.nstep", "--format", "safetensors"]).status == 0)
        let bytes = scratch.bytes("run.safetensors")
        let length = (0 ..< 8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect((8 + length) % 8 == 0)
        let header = try JSONSerialization.jsonObject(with: Data(bytes[8 ..< 8 + length])) as? [String: Any]
        let metadata = try #require(header?["__metadata__"] as? [String: String])
        #expect(metadata["architecture"] == "784 dense(32) layer_norm relu dense(10)")
        #expect(metadata["input_encoding"] == "gray" && metadata["temperature"] == "8.0" && metadata["step"] == "4")
        #expect(metadata["layer_norm_epsilon"] == "1e-05" && metadata["seed"] == "0" && metadata["optimizer"] == "noise-step")
        #expect(metadata["data_fingerprint"]?.hasPrefix("examples 4500, labels crc32 0x") == true)
        let weight = try #require(header?["layers.0.dense.weight"] as? [String: Any])
        #expect(weight["dtype"] as? String == "I8" && weight["shape"] as? [Int] == [32, 784])
        #expect(weight["data_offsets"] as? [Int] == [0, 32 * 784])
        let bias = try #require(header?["layers.1.dense.bias"] as? [String: Any])
        #expect(bias["shape"] as? [Int] == [10])
        #expect(bytes.count == 8 + length + 32 * 785 + 10 * 33)
        #expect(bytes[(8 + length)...].allSatisfy { [0, 1, 255].contains($0) }, "int8 in {-1, 0, 1}")
    }
}
