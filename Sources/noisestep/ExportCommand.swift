import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep export RUN --format onnx|safetensors`: the model of a step log or model
/// file, in a format other tools load.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a model as ONNX or safetensors, for use outside noisestep.",
        discussion: """
            The model is rebuilt as eval rebuilds it (every step replayed, saved weights \
            checked). onnx: one input `pixels`, float32 [N, 784] raw pixel values 0...255; one \
            output `logits`, float32 [N, 10], divided by the training temperature; the input \
            encoding, layer norms and ReLUs are inside the graph, the ternary weights int8. \
            safetensors: each layer's weight and bias as int8 tensors \
            (layers.0.dense.weight [256, 784], ...), with metadata saying how to run them. \
            --out defaults to RUN with the format's extension; an existing file is kept \
            unless --force is given, and then only an export of the same format is replaced.
            """)

    @Argument(help: ArgumentHelp("The step log or model file (.nstep) to export.", valueName: "run"))
    var file: String

    @Option(help: "onnx or safetensors.")
    var format: ExportFormat

    @Option(help: "The file to write (default: RUN with .onnx or .safetensors in place of its extension).")
    var out: String?

    @Flag(help: "Replace an existing export of the same format (never a step log or another kind of file).")
    var force = false

    func run() throws {
        let target = out ?? Self.defaultOutput(for: file, format: format)
        if OutputFile.sameFile(file, target) {
            throw CLIError("\(Printable.escaped(target)): is the model being exported; choose another --out")
        }
        let existing: ExistingFile = force ? .replace : .refuse
        try Self.wording(target) { () throws(FileProblem) in
            try ModelExport.checkWritable(target, format: format, existing: existing)
        }
        let model = try ModelExport.load(file, producer: "noisestep \(NoiseStepCommand.version)")
        var written = 0
        try Self.wording(target) { () throws(FileProblem) in
            written = try ModelExport.write(model, format: format, to: target, existing: existing)
        }
        print("wrote \(Printable.escaped(target)): \(format.rawValue), \(NumberFormat.grouped(written)) bytes; "
            + "\(model.architecture), \(model.encoding.rawValue) input, temperature "
            + "\(NumberFormat.plain(model.temperature)), the weights after step \(model.provenance.step) "
            + "(\(model.provenance.optimizer.rawValue))")
    }

    /// RUN's path with its extension (if any) replaced by the format's.
    static func defaultOutput(for run: String, format: ExportFormat) -> String {
        let url = URL(fileURLWithPath: run)
        let stem = url.pathExtension.isEmpty ? run : String(run.dropLast(url.pathExtension.count + 1))
        return "\(stem).\(format.fileExtension)"
    }

    /// Runs `body`, wording a file problem about `path` as the command line's one line.
    private static func wording(_ path: String, _ body: () throws(FileProblem) -> Void) throws {
        do throws(FileProblem) {
            try body()
        } catch {
            throw CLIError(error.message(path: path))
        }
    }
}

extension ExportFormat: ExpressibleByArgument {}
