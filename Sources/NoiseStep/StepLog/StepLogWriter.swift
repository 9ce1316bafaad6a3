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
        var descriptor: Int32
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

    /// Creates (or atomically replaces) the log at `path` with a synced header for
    /// `options`; the run starts from the initial weights of `options.seed`.
    /// - Throws: `.invalidOptions` for options outside the rulebook's limits (`Limits`) or that exceed
    ///   the format's caps; `.unwritable` for I/O failures.
    public convenience init(creating path: String, options: TrainingOptions) throws(StepLogError) {
        let header = try StepLogHeader.encode(options: options, file: path)
        let shape = try StepLogHeader.checkedShape(options, file: path)
        try AtomicFile.write(header, to: path)
        let descriptor = try LogFileSystem.openForAppend(path)
        self.init(path: path, options: options, shape: shape,
                  state: State(descriptor: descriptor, size: header.count, stepsDone: 0,
                               previous: StepSettings(options), hasSections: false))
    }

    private init(path: String, options: TrainingOptions, shape: ModelShape, state: State) {
        self.path = path
        self.options = options
        self.shape = shape
        self.state = Mutex(state)
    }

    /// Opens an existing log to continue it: reads it, cuts off a torn last section, and
    /// returns a writer positioned after the last complete step, with the log as read.
    ///
    /// To continue training: `Trainer(resuming: log, training: …, threads: …)`.
    public static func resume(path: String) throws(StepLogError) -> (writer: StepLogWriter, log: StepLog) {
        let descriptor = try LogFileSystem.openForAppend(path)  // lock first, then read
        do throws(StepLogError) {
            let log = try StepLog.read(path: path)
            let valid = log.fileBytes - log.tornBytes
            if try LogFileSystem.size(of: descriptor, file: path) != valid {
                try LogFileSystem.truncate(descriptor, to: valid, file: path)
                try LogFileSystem.sync(descriptor, file: path)
            }
            let state = State(descriptor: descriptor, size: valid, stepsDone: log.lastStep,
                              previous: log.entries.last?.settings ?? StepSettings(log.options),
                              hasSections: valid > log.headerBytes)
            return (StepLogWriter(path: path, options: log.options, shape: log.shape, state: state), log)
        } catch {
            LogFileSystem.closeFile(descriptor)
            throw error
        }
    }

    /// Appends one step's record.
    /// - Throws: `.cannotAppend` if `entry.step` is not `stepsDone + 1` or the entry is
    ///   out of the format's range (nothing is written then); `.unwritable` if the write
    ///   fails, after which the file is cut back to its last complete section.
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
    /// `parameterCount` parameters.
    static func check(_ entry: StepLogEntry, after stepsDone: Int, parameterCount: Int,
                      file: String) throws(StepLogError) {
        guard entry.step == stepsDone + 1, entry.step <= Int(UInt32.max) else {
            throw .cannotAppend(file: file, problem: "step \(entry.step) does not follow step \(stepsDone)")
        }
        guard entry.keptSigns.count == entry.samples, entry.keptSigns.allSatisfy({ $0 >= -1 && $0 <= 1 }) else {
            throw .cannotAppend(file: file, problem: "step \(entry.step) has \(entry.keptSigns.count) kept signs"
                + " for \(entry.samples) samples, or a sign outside −1...1")
        }
        do throws(LimitViolation) {
            try Limits.check(entry.settings, parameterCount: parameterCount)
        } catch {
            throw .cannotAppend(file: file, problem: "step \(entry.step): \(SectionProblem(error).text)")
        }
    }

    /// Appends a weights section holding `model`, the weights after `step` steps, so the
    /// model loads without a replay. `step` must be `stepsDone`, unless the file holds no
    /// section yet (a model file: the steps that follow start from it).
    public func appendWeights(_ model: TernaryModel, step: Int) throws(StepLogError) {
        guard model.shape == shape else {
            throw .architectureMismatch(file: path, expected: StepLogHeader.describe(shape.widths),
                                        found: StepLogHeader.describe(model.shape.widths))
        }
        try state.withLock { (state: inout State) throws(StepLogError) in
            guard step == state.stepsDone || (!state.hasSections && step >= 0 && step <= Int(UInt32.max)) else {
                throw .cannotAppend(file: path, problem: "weights of step \(step), but the log holds \(state.stepsDone) steps")
            }
            try commit(StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(model, step: step)), to: &state)
            state.stepsDone = step
        }
    }

    /// Flushes everything appended so far to the disk.
    public func sync() throws(StepLogError) {
        try state.withLock { (state: inout State) throws(StepLogError) in
            guard state.descriptor >= 0, !state.failed else { throw .writerFailed(file: path) }
            try LogFileSystem.sync(state.descriptor, file: path)
        }
    }

    /// Syncs (best effort) and closes the file; later appends throw. Idempotent.
    public func close() {
        state.withLock { state in
            guard state.descriptor >= 0 else { return }
            try? LogFileSystem.sync(state.descriptor, file: path)
            LogFileSystem.closeFile(state.descriptor)
            state.descriptor = -1
        }
    }

    deinit { close() }

    /// Writes one whole section at the end, or leaves the file as it was.
    private func commit(_ section: [UInt8], to state: inout State) throws(StepLogError) {
        guard state.descriptor >= 0, !state.failed else { throw .writerFailed(file: path) }
        do throws(StepLogError) {
            try LogFileSystem.write(section, at: state.size, to: state.descriptor, file: path)
        } catch {
            // A partial section would otherwise sit in front of the next one.
            do throws(StepLogError) {
                try LogFileSystem.truncate(state.descriptor, to: state.size, file: path)
            } catch {
                state.failed = true
            }
            throw error
        }
        state.size += section.count
        state.hasSections = true
    }
}
