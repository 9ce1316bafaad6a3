import Synchronization

/// Appends a run's steps (and, now and then, its weights) to a step log as they happen.
///
/// Each `append` is one write of one complete section at the end of the file, so if the
/// process is killed at any moment the file reads back up to the last complete step; a
/// section cut short is dropped by `StepLog.read` and cut off by `resume`. Appends are
/// not synced one by one (that would cost a disk flush per step); `sync()` does that,
/// and `close()` syncs once. A writer holds an exclusive lock on its file.
///
/// Thread-safe (calls are serialized by a lock), so it can sit in a `@Sendable` recorder.
public final class StepLogWriter: Sendable {
    public let path: String
    public let options: TrainingOptions
    public let shape: ModelShape

    private struct State {
        /// The open, locked file; nil once closed.
        var file: OpenFile?
        /// Bytes committed: the file's size after the last complete section.
        var size: Int
        var stepsDone: Int
        /// The settings of the last record, which the next record may leave out.
        var previous: StepSettings
        var hasSections: Bool
        var failed = false
    }

    private let state: Mutex<State>

    /// The step count the file holds: the next step appended must be `stepsDone + 1`.
    public var stepsDone: Int { state.withLock { $0.stepsDone } }

    /// Creates the log at `path` with a synced header for `options` and the fingerprint
    /// of the data the run trains on; the run starts from the initial weights of
    /// `options.seed`. The file is locked before its name appears and for as long as
    /// the writer lives, so no second writer can take it over.
    /// - Parameter existing: a new run refuses a file already at `path`; `--force` may
    ///   replace a step log that no process is writing (`.replace`).
    /// - Throws: `.invalidOptions` for options outside the rulebook's limits; `.io` when
    ///   the path is taken, is not a regular file, or cannot be written.
    public convenience init(creating path: String, options: TrainingOptions, dataFingerprint: DataFingerprint?,
                            existing: ExistingFile = .refuse) throws(StepLogError) {
        let header = try StepLogHeader.encode(options: options, dataFingerprint: dataFingerprint, file: path)
        let shape = try StepLogHeader.checkedShape(options, file: path)
        let file = try StepLogError.io(path) { () throws(FileProblem) in
            try OutputFile.create(path, kind: .stepLog, contents: header, existing: existing)
        }
        self.init(path: path, options: options, shape: shape,
                  state: State(file: file, size: header.count, stepsDone: 0, previous: StepSettings(options),
                               hasSections: false))
    }

    /// Refuses now what `init(creating: path, …, existing:)` would refuse for the file,
    /// creating nothing: a command checks its outputs before it loads data or creates any.
    public static func checkCreatable(_ path: String, existing: ExistingFile) throws(StepLogError) {
        try StepLogError.io(path) { () throws(FileProblem) in
            try OutputFile.checkCreatable(path, kind: .stepLog, existing: existing)
        }
    }

    /// Refuses now a `--resume` log that `resume(path:…)` could not even open (missing,
    /// not a regular file, unreadable), so that this, not a problem of another file
    /// checked before the data is loaded, is what the user hears first.
    public static func checkResumable(_ path: String) throws(StepLogError) {
        _ = try StepLogError.io(path) { () throws(FileProblem) in try FileSystem.openForReading(path) }
    }

    private init(path: String, options: TrainingOptions, shape: ModelShape, state: State) {
        self.path = path
        self.options = options
        self.shape = shape
        self.state = Mutex(state)
    }

    /// Opens an existing log to continue it: locks it, reads it (replaying every step and
    /// checking its weights sections), refuses it if it was trained on other data, cuts
    /// off a torn last section, and returns a writer positioned after the last complete
    /// step, with the log as read.
    ///
    /// To continue training: `Trainer(resuming: log, training: …, threads: …)`.
    /// - Parameters:
    ///   - trainingData: the fingerprint of the data the run goes on with; a log that
    ///     recorded another is refused, one that recorded none is accepted (its
    ///     `dataFingerprint` is nil: the caller should say that it could not check).
    ///   - visit: called after each step of the replay with its record, the weights after
    ///     it and the parameters it changed (to rebuild the run's figures in the same pass).
    ///   - progress: called now and then with the bytes read so far and the log's size.
    /// - Throws: `.io` (missing, locked by another writer…), `.notResumable` for a model
    ///   another optimizer trained (an Adam-STE model file), `.otherTrainingData`, or what
    ///   reading finds.
    public static func resume(path: String, trainingData: DataFingerprint,
                              visit: @escaping (ReplayedStep) -> Void = { _ in },
                              progress: (Int, Int) -> Void = { _, _ in }) throws(StepLogError) -> (writer: StepLogWriter, log: StepLog) {
        let file = try StepLogError.io(path) { () throws(FileProblem) in try OutputFile.openLocked(path) }
        let log = try StepLog.read(StepLogError.io(path) { () throws(FileProblem) in try LogSource(file: file) },
                                   file: path, through: nil, verifying: true, visit: visit, progress: progress)
        if let origin = log.origin { throw .notResumable(file: path, origin: origin) }
        if let recorded = log.dataFingerprint, recorded != trainingData {
            throw .otherTrainingData(file: path, recorded: recorded, given: trainingData)
        }
        let valid = log.fileBytes - log.tornBytes
        try StepLogError.io(path) { () throws(FileProblem) in
            if try file.size() != valid {  // cut off the torn tail
                try file.truncate(to: valid)
                try file.sync()
            }
        }
        let state = State(file: file, size: valid, stepsDone: log.lastStep,
                          previous: log.lastEntry?.settings ?? StepSettings(log.options), hasSections: valid > log.headerBytes)
        return (StepLogWriter(path: path, options: log.options, shape: log.shape, state: state), log)
    }

    /// Appends one step's record.
    /// - Throws: `.cannotAppend` if `entry.step` is not `stepsDone + 1` or the entry is
    ///   out of the format's range (nothing is written then); `.io` if the write fails,
    ///   after which the file is cut back to its last complete section.
    public func append(_ entry: StepLogEntry) throws(StepLogError) {
        try state.withLock { (state: inout State) throws(StepLogError) in
            try Self.check(entry, after: state.stepsDone, parameterCount: shape.parameterCount, file: path)
            let body = StepLogSection.stepBody(entry, previous: state.previous)
            try commit(StepLogSection.frame(kind: .step, body: body), to: &state)
            state.stepsDone = entry.step
            state.previous = entry.settings
        }
    }

    /// Checks that `entry` can follow step `stepsDone` in a readable log of a model with
    /// `parameterCount` parameters: what a reader would refuse is refused here.
    static func check(_ entry: StepLogEntry, after stepsDone: Int, parameterCount: Int,
                      file: String) throws(StepLogError) {
        guard entry.step == stepsDone + 1, entry.step <= Int(UInt32.max) else {
            throw .cannotAppend(file: file, problem: .stepOutOfOrder(found: entry.step, expected: stepsDone + 1))
        }
        guard entry.keptSigns.count == entry.samples, entry.keptSigns.allSatisfy({ $0 >= -1 && $0 <= 1 }) else {
            throw .cannotAppend(file: file, problem: .keptSigns(count: entry.keptSigns.count, samples: entry.samples))
        }
        guard StepLogFormat.isRecordable(loss: entry.loss, batchAccuracy: entry.batchAccuracy) else {
            throw .cannotAppend(file: file, problem: .metricsOutOfRange(StepMetrics(loss: entry.loss,
                                                                                   batchAccuracy: entry.batchAccuracy)))
        }
        do throws(LimitViolation) {
            try Limits.check(entry.settings, parameterCount: parameterCount)
        } catch {
            throw .cannotAppend(file: file, problem: .limit(error))
        }
    }

    /// Appends a weights section holding `model`, the weights after `step` steps, so the
    /// model loads without a replay. `step` must be `stepsDone`, unless the file holds no
    /// section yet (a model file: the steps that follow start from it).
    public func appendWeights(_ model: TernaryModel, step: Int) throws(StepLogError) {
        guard model.shape == shape else {
            throw .architectureMismatch(file: path, expected: shape.widths, found: model.shape.widths)
        }
        try state.withLock { (state: inout State) throws(StepLogError) in
            guard step == state.stepsDone || (!state.hasSections && step >= 0 && step <= Int(UInt32.max)) else {
                throw .cannotAppend(file: path, problem: .weightsStep(step, stepsDone: state.stepsDone))
            }
            try commit(StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: step)), to: &state)
            state.stepsDone = step
        }
    }

    /// Flushes everything appended so far to the disk.
    public func sync() throws(StepLogError) {
        try state.withLock { (state: inout State) throws(StepLogError) in
            guard let file = state.file, !state.failed else { throw .writerFailed(file: path) }
            try StepLogError.io(path) { () throws(FileProblem) in try file.sync() }
        }
    }

    /// Syncs (best effort) and closes the file, releasing its lock; later appends throw.
    /// Idempotent.
    public func close() {
        state.withLock { state in
            try? state.file?.sync()
            state.file = nil
        }
    }

    deinit { close() }

    /// Writes one whole section at the end, or leaves the file as it was.
    private func commit(_ section: [UInt8], to state: inout State) throws(StepLogError) {
        guard let file = state.file, !state.failed else { throw .writerFailed(file: path) }
        do throws(FileProblem) {
            try file.write(section, at: state.size)
        } catch {
            // A partial section would otherwise sit in front of the next one.
            do throws(FileProblem) {
                try file.truncate(to: state.size)
            } catch {
                state.failed = true
            }
            throw .io(file: path, problem: error)
        }
        state.size += section.count
        state.hasSections = true
    }
}
