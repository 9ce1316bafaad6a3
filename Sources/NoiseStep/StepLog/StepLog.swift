/// What a step log holds, read and checked section by section: the run's options, how
/// many steps it recorded, and the weights after its last step ("models as steps").
///
/// Reading trusts nothing: every length is capped before use and every section's CRC is
/// checked. It holds one section and at most two models at a time, however long the
/// log: the steps themselves are not kept (`StepLog.replayEachStep` hands them out one at
/// a time). A section that the file ends inside of (the writer was killed during its last
/// write) is left out; any other damage is a `StepLogError` naming the place.
public struct StepLog: Sendable {
    /// The path the log was read from, for messages.
    public let file: String
    /// The options the run started with.
    public let options: TrainingOptions
    /// The architecture of `options.hidden`.
    public let shape: ModelShape
    /// The format version of the file.
    public let version: Int
    /// The fingerprint of the data the run trained on; nil when the file does not say
    /// (version 1 files, model files of unknown origin).
    public let dataFingerprint: DataFingerprint?
    /// The run the file holds, as its metrics file names it.
    public let run: RunIdentity
    /// What trained the opening weights when it was not noise_step (an Adam-STE model
    /// file); nil for a run's log and a model file replayed from one.
    public let origin: ModelOrigin?
    /// The step count the records start after: the step of a weights section that opens
    /// the file (a model file, maybe continued), else 0.
    public let startStep: Int
    /// The step count after the last record read.
    public let lastStep: Int
    /// The last record read, nil without records.
    public let lastEntry: StepLogEntry?
    /// The settings the first step after `startStep` was to use, as the file records
    /// them: the header's for a run from step 0, a model file's settings section; nil for
    /// a model file without one (an older noisestep's), whose records are then a new leg
    /// that started from the header's settings, not the run its options describe.
    public let startSettings: StepSettings?
    /// The settings the step after `lastStep` uses, so a run continued from this file is
    /// the run it holds: a settings section after `lastStep`, else the last record's
    /// settings with the density its schedule chose next, else `startSettings`.
    public let resumeSettings: StepSettings?
    /// Step records read.
    public let records: Int
    /// The step of each weights section read, in file order.
    public let weightsSteps: [Int]
    /// The weights after `lastStep`.
    public let latestModel: TernaryModel
    /// Weights sections checked against a replay of the steps before them (0 when read
    /// without `verifying`).
    public let checkedWeights: Int
    /// The file's size when read.
    public let fileBytes: Int
    /// Bytes of a torn last section (or trailing zeros) that readers ignore.
    public let tornBytes: Int
    /// Bytes of the header.
    public let headerBytes: Int
    /// Bytes of all step records, frames included.
    public let recordBytes: Int

    /// Reads the log at `path`.
    ///
    /// - Parameters:
    ///   - step: stop after this many steps, so that the steps before damage later in the
    ///     file can still be rebuilt (`tornBytes` is then 0; nothing after is checked).
    ///   - verifying: rebuild the weights by replaying every step from the start, and
    ///     check each weights section against them. Without it, `latestModel` is the
    ///     last weights section plus a replay of the steps after it (much quicker).
    /// - Throws: `.io` when the file cannot be read, `.weightsMismatch` when verifying
    ///   finds weights that differ from the replay, or the first damage found.
    ///   - visit: when verifying, called after each step with its record, the weights
    ///     after it and the parameters it changed (`HistoryRebuild.visit`, say).
    ///   - progress: called now and then with the bytes read so far and the file's size.
    public static func read(path: String, through step: Int? = nil, verifying: Bool = false,
                            visit: @escaping (ReplayedStep) -> Void = { _ in },
                            progress: (Int, Int) -> Void = { _, _ in }) throws(StepLogError) -> StepLog {
        try read(source(path: path), file: path, through: step, verifying: verifying, visit: visit, progress: progress)
    }

    /// The run the log at `path` holds, from its header alone.
    public static func run(path: String) throws(StepLogError) -> RunIdentity {
        try readHeader(source(path: path), file: path).run
    }

    /// The options the run in the log at `path` started with, from its header alone.
    public static func options(path: String) throws(StepLogError) -> TrainingOptions {
        try readHeader(source(path: path), file: path).options
    }

    /// The step the log at `path` has reached, from a scan of its sections: nothing is
    /// replayed, so a caller that polls a growing log pays for its records only.
    public static func stepsRecorded(path: String) throws(StepLogError) -> Int {
        let source = try source(path: path)
        var scanner = SectionScanner(file: path, header: try readHeader(source, file: path), source: source)
        while try scanner.next() != nil {}
        return scanner.stepsDone
    }

    /// Reads a log held in `bytes`; `file` names it in errors. Options as for `read`.
    public static func decode(_ bytes: [UInt8], file: String, through step: Int? = nil,
                              verifying: Bool = false) throws(StepLogError) -> StepLog {
        try read(LogSource(bytes: bytes), file: file, through: step, verifying: verifying)
    }

    /// Reads the log in `source`: one pass that checks every section (replaying and
    /// comparing when `verifying`), then, when not verifying, a second pass that replays
    /// only the steps after the last weights section.
    /// - Parameters:
    ///   - visit: when verifying, called after each step with its record, the weights
    ///     after it and the parameters it changed.
    ///   - progress: called now and then with the bytes read so far and the file's size.
    static func read(_ source: LogSource, file: String, through step: Int?, verifying: Bool,
                     visit: @escaping (ReplayedStep) -> Void = { _ in },
                     progress: (Int, Int) -> Void = { _, _ in }) throws(StepLogError) -> StepLog {
        let header = try readHeader(source, file: file)
        var walk = LogWalk(header: header, verifying: verifying, visit: visit)
        var scanner = SectionScanner(file: file, header: header, source: source, limit: step)
        var resumePoint: SectionScanner?
        var reported = 0
        while let section = try scanner.next() {
            if try walk.add(section, file: file) { resumePoint = scanner }
            if scanner.offset - reported >= max(source.size / 200, 1 << 16) {
                reported = scanner.offset
                progress(reported, source.size)
            }
        }
        walk.finish()
        var model = walk.model ?? walk.latestWeights ?? TernaryModel(shape: header.shape, seed: header.options.seed)
        if !verifying {
            // The last weights section (or the start) plus the steps after it.
            var rest = resumePoint ?? SectionScanner(file: file, header: header, source: source, limit: step)
            var replay = StepReplay(seed: header.options.seed)
            while let section = try rest.next() {
                if case .step(let entry) = section.content, replay.add(entry) { replay.flush(on: &model) }
            }
            replay.flush(on: &model)
        }
        return StepLog(header: header, file: file, walk: walk, model: model, lastStep: scanner.stepsDone,
                       fileBytes: source.size, tornBytes: scanner.stoppedAtLimit ? 0 : scanner.tornBytes)
    }

    /// The regular file at `path`, opened for reading.
    static func source(path: String) throws(StepLogError) -> LogSource {
        try StepLogError.io(path) { () throws(FileProblem) in try LogSource(file: FileSystem.openForReading(path)) }
    }

    static func readHeader(_ source: LogSource, file: String) throws(StepLogError) -> StepLogHeader {
        var source = source
        let bytes = try StepLogError.io(file) { () throws(FileProblem) in
            try source.bytes(at: 0, count: StepLogFormat.maxHeaderBytes)
        }
        return try StepLogHeader.decode(Array(bytes), file: file)
    }

    private init(header: StepLogHeader, file: String, walk: LogWalk, model: TernaryModel, lastStep: Int,
                 fileBytes: Int, tornBytes: Int) {
        self.file = file
        options = header.options
        shape = header.shape
        version = header.version
        dataFingerprint = header.dataFingerprint
        run = header.run
        startStep = walk.startStep
        origin = walk.origin
        self.lastStep = lastStep
        lastEntry = walk.lastEntry
        startSettings = walk.startStep == 0 ? StepSettings(header.options) : walk.baseSettings
        if let section = walk.settingsSection, section.step == lastStep {
            resumeSettings = section.settings
        } else if let last = walk.lastEntry {
            var next = last.settings
            next.density = last.nextDensity
            resumeSettings = next
        } else {
            resumeSettings = startSettings
        }
        records = walk.records
        weightsSteps = walk.weightsSteps
        latestModel = model
        checkedWeights = walk.checkedWeights
        self.fileBytes = fileBytes
        self.tornBytes = tornBytes
        headerBytes = header.size
        recordBytes = walk.recordBytes
    }
}
