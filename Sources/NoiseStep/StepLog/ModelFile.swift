/// Models on disk. A model file is a step log too: a header and a weights section, maybe
/// followed by steps; any step log is also a model file, whose model is its last step's.
public enum ModelFile {
    /// The model after the last step of the log or model file at `path`, its options
    /// (for `input` and the architecture), its step count and the fingerprint of the data
    /// it was trained on (nil when the file does not record it).
    ///
    /// Replays every step from the seed (or from the file's opening weights) and checks
    /// each weights section against the replay: weights that its own steps do not
    /// produce are not the run's model, whatever a file says. Cost: about 60 µs per
    /// recorded step for the default model (0.1 s for a 1,500-step run).
    /// - Throws: `.weightsMismatch` for such weights, or what reading finds.
    public static func load(_ path: String) throws(StepLogError)
        -> (model: TernaryModel, options: TrainingOptions, steps: Int, dataFingerprint: DataFingerprint?) {
        let log = try StepLog.read(path: path, verifying: true)
        return (log.latestModel, log.options, log.lastStep, log.dataFingerprint)
    }

    /// Writes a model file at `path`: a header for `options` (with the fingerprint of the
    /// data the model was trained on, when known), the records of `entries` if any, then
    /// a weights section holding `model` after `step` steps and, when known, a settings
    /// section with the `settings` the run's next step uses, so training from the file
    /// continues the run. With the entries (steps 1...`step`) the file is a complete,
    /// verifiable step log; without, it only holds the model.
    ///
    /// With `origin` (and no entries), the weights are marked as another optimizer's: the
    /// file can be evaluated and exported, never replayed or continued.
    ///
    /// The file appears whole or not at all. A file already at `path` is replaced only with
    /// `.replace`, and only if it is a model file itself (no step records: replacing a
    /// run's log would lose it) that no process is writing.
    /// - Throws: `.architectureMismatch` when `model` is not the shape of `options.hidden`;
    ///   `.cannotAppend` when the entries are not steps 1...`step`, or come with an
    ///   origin; `.io` when the path is taken or holds something else, or cannot be written.
    public static func write(_ model: TernaryModel, step: Int, options: TrainingOptions,
                             dataFingerprint: DataFingerprint? = nil, entries: [StepLogEntry] = [],
                             settings: StepSettings?, origin: ModelOrigin? = nil, to path: String,
                             existing: ExistingFile = .replace) throws(StepLogError) {
        // Another optimizer's weights are never continued: no settings to carry.
        var contents = try bytes(of: model, step: step, options: options, dataFingerprint: dataFingerprint,
                                 entries: entries, settings: origin == nil ? settings : nil, file: path)
        if let origin {
            guard entries.isEmpty else { throw .cannotAppend(file: path, problem: .misplacedOrigin) }
            contents += StepLogSection.frame(kind: .origin, body: origin.body)
        }
        _ = try StepLogError.io(path) { () throws(FileProblem) in
            try OutputFile.create(path, kind: .modelFile, contents: contents, existing: existing)
        }
    }

    /// Refuses now what `write(…, to: path, existing:)` would refuse for the file,
    /// creating nothing: so a run is not trained for a path it cannot be saved to.
    public static func checkWritable(_ path: String, existing: ExistingFile) throws(StepLogError) {
        try StepLogError.io(path) { () throws(FileProblem) in
            try OutputFile.checkCreatable(path, kind: .modelFile, existing: existing)
        }
    }

    /// The bytes `write` would put in a file.
    public static func bytes(of model: TernaryModel, step: Int, options: TrainingOptions,
                             dataFingerprint: DataFingerprint? = nil, entries: [StepLogEntry] = [],
                             settings: StepSettings?, file: String) throws(StepLogError) -> [UInt8] {
        var bytes = try StepLogHeader.encode(options: options, dataFingerprint: dataFingerprint, file: file)
        let shape = try StepLogHeader.checkedShape(options, file: file)
        guard model.shape == shape else {
            throw .architectureMismatch(file: file, expected: shape.widths, found: model.shape.widths)
        }
        guard step >= 0 && step <= Int(UInt32.max), entries.isEmpty || entries.count == step else {
            throw .cannotAppend(file: file, problem: .weightsStep(step, stepsDone: entries.count))
        }
        var previous = StepSettings(options)
        for (done, entry) in entries.enumerated() {
            try StepLogWriter.check(entry, after: done, parameterCount: shape.parameterCount, file: file)
            bytes += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
            previous = entry.settings
        }
        bytes += StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: step))
        guard let settings else { return bytes }
        do throws(LimitViolation) {
            try Limits.check(settings, parameterCount: shape.parameterCount)
        } catch {
            throw .cannotAppend(file: file, problem: .limit(error))
        }
        let body = StepLogSection.settingsBody(settings, step: step, base: StepSettings(options))
        return bytes + StepLogSection.frame(kind: .settings, body: body)
    }

    /// Whether `file` reads as a step log without step records: a model file, which a
    /// newer model may replace.
    /// Scans the sections and stops at the first step record: a long run log is not read whole.
    static func holdsNoSteps(_ file: OpenFile) -> Bool {
        guard let source = try? LogSource(file: file), let header = try? StepLog.readHeader(source, file: "") else {
            return false
        }
        var scanner = SectionScanner(file: "", header: header, source: source)
        do throws(StepLogError) {
            while let section = try scanner.next() {
                if case .step = section.content { return false }
            }
            return true
        } catch {
            return false
        }
    }
}
