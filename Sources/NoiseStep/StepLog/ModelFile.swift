/// Models on disk. A model file is a step log too: a header and a weights section, maybe
/// followed by steps; any step log is also a model file, whose model is its last step's.
public enum ModelFile {
    /// The model after the last step of the log or model file at `path`, its options
    /// (for `input` and the architecture) and its step count.
    ///
    /// Uses the last weights section and replays only the steps after it; without one,
    /// replays every step from the seed.
    public static func load(_ path: String) throws(StepLogError) -> (model: TernaryModel, options: TrainingOptions, steps: Int) {
        let log = try StepLog.read(path: path)
        return (log.latestModel, log.options, log.lastStep)
    }

    /// Writes (atomically, replacing any file at `path`) a model file: a header for
    /// `options`, the records of `entries` if any, then a weights section holding `model`
    /// after `step` steps. With the entries (steps 1...`step`) the file is a complete,
    /// verifiable step log; without, it only holds the model.
    /// - Throws: `.architectureMismatch` when `model` is not the shape of `options.hidden`;
    ///   `.cannotAppend` when the entries are not steps 1...`step`.
    public static func write(_ model: TernaryModel, step: Int, options: TrainingOptions, entries: [StepLogEntry] = [],
                             to path: String) throws(StepLogError) {
        try AtomicFile.write(bytes(of: model, step: step, options: options, entries: entries, file: path), to: path)
    }

    /// The bytes `write` would put in a file.
    public static func bytes(of model: TernaryModel, step: Int, options: TrainingOptions, entries: [StepLogEntry] = [],
                             file: String) throws(StepLogError) -> [UInt8] {
        var bytes = try StepLogHeader.encode(options: options, file: file)
        let shape = try StepLogHeader.checkedShape(options, file: file)
        guard model.shape == shape else {
            throw .architectureMismatch(file: file, expected: StepLogHeader.describe(shape.widths),
                                        found: StepLogHeader.describe(model.shape.widths))
        }
        guard step >= 0 && step <= Int(UInt32.max), entries.isEmpty || entries.count == step else {
            throw .cannotAppend(file: file, problem: "weights of step \(step) after \(entries.count) steps")
        }
        var previous = StepSettings(options)
        for (done, entry) in entries.enumerated() {
            try StepLogWriter.check(entry, after: done, parameterCount: shape.parameterCount, file: file)
            bytes += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
            previous = entry.settings
        }
        return bytes + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: step))
    }
}
