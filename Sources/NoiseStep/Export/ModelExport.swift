/// The formats a model can be exported to.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// An ONNX model (opset 17) that runs the whole network on raw pixels.
    case onnx
    /// The ternary parameters as int8 tensors, with metadata saying how to run them.
    case safetensors

    /// The usual file name extension, without the dot.
    public var fileExtension: String { rawValue }

    var outputKind: OutputKind {
        switch self {
        case .onnx: .onnxModel
        case .safetensors: .safetensors
        }
    }
}

/// Exports models: from a step log or model file to an `ExportModel`, and from that to
/// the bytes of a format and a file.
public enum ModelExport {
    /// The model in the step log or model file at `path`, rebuilt as `eval` rebuilds it:
    /// every step replayed from the seed (or the file's opening weights) and every saved
    /// weights section checked against the replay.
    /// - Parameter producer: the exporting program and its version, for the metadata.
    /// - Throws: what reading the file finds (missing, not a step log, damaged, weights
    ///   its steps do not produce).
    public static func load(_ path: String, producer: String) throws(StepLogError) -> ExportModel {
        let log = try StepLog.read(path: path, verifying: true)
        let provenance = ExportProvenance(optimizer: log.origin?.optimizer ?? .noiseStep, seed: log.options.seed, step: log.lastStep,
                                          dataFingerprint: log.dataFingerprint, producer: producer)
        return ExportModel(model: log.latestModel, options: log.options, provenance: provenance)
    }

    /// The file contents of `model` in `format`.
    public static func bytes(of model: ExportModel, format: ExportFormat) -> [UInt8] {
        switch format {
        case .onnx: ONNXExport.bytes(of: model)
        case .safetensors: SafetensorsExport.bytes(of: model)
        }
    }

    /// Writes `model` in `format` to `path`, whole or not at all, as every output is
    /// written (`OutputFile`): a regular file only, never over anything else, and over an
    /// existing file only with `.replace`, and then only over an export of the same
    /// format written by this program.
    /// - Returns: the bytes written.
    @discardableResult
    public static func write(_ model: ExportModel, format: ExportFormat, to path: String,
                             existing: ExistingFile) throws(FileProblem) -> Int {
        let contents = bytes(of: model, format: format)
        try OutputFile.write(contents, to: path, kind: format.outputKind, existing: existing)
        return contents.count
    }

    /// Refuses now what `write` would refuse for the file, creating nothing: so a command
    /// can refuse a taken path before it reads and replays the model.
    public static func checkWritable(_ path: String, format: ExportFormat, existing: ExistingFile) throws(FileProblem) {
        try OutputFile.checkCreatable(path, kind: format.outputKind, existing: existing)
    }
}
