extension OutputKind {
    /// The bytes every file of this kind starts with.
    var signature: [UInt8] {
        switch self {
        case .stepLog, .modelFile: return StepLogFormat.magic
        case .metrics: return MetricsLine.stepPrefix
        case .report: return Array("{\"report\":".utf8)
        }
    }

    /// Whether `file` is what an output of this kind writes, so replacing it loses
    /// nothing the user did not ask to replace. An empty file counts: it holds nothing.
    /// A model file must also hold no step records (replacing those would lose a run).
    func recognizes(_ file: OpenFile) throws(FileProblem) -> Bool {
        let head = try file.read(at: 0, count: signature.count)
        if head.isEmpty { return true }
        guard head == signature else { return false }
        return self != .modelFile || ModelFile.holdsNoSteps(file)
    }
}
