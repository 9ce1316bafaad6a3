extension OutputKind {
    /// The bytes every file of this kind holds at `signatureOffset`.
    var signature: [UInt8] {
        switch self {
        case .stepLog, .modelFile: return StepLogFormat.magic
        case .metrics: return MetricsLine.stepPrefix
        case .report: return Array("{\"report\":".utf8)
        case .onnxModel: return ONNXGraph.signature
        case .safetensors: return SafetensorsExport.signature
        case .history: return Array("first_step,".utf8)
        }
    }

    /// Where `signature` starts: after the 8-byte header length of a safetensors file,
    /// at the start of any other.
    var signatureOffset: Int { self == .safetensors ? 8 : 0 }

    /// Whether `file` is what an output of this kind writes, so replacing it loses
    /// nothing the user did not ask to replace. An empty file counts: it holds nothing.
    /// A model file must also hold no step records (replacing those would lose a run).
    func recognizes(_ file: OpenFile) throws(FileProblem) -> Bool {
        let head = try file.read(at: 0, count: signatureOffset + signature.count)
        if head.isEmpty { return true }
        guard head.dropFirst(signatureOffset).elementsEqual(signature) else { return false }
        return self != .modelFile || ModelFile.holdsNoSteps(file)
    }
}
