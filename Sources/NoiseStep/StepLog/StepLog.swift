/// A step log read into memory: a run's options and every step it recorded, from which
/// the weights after any step can be rebuilt exactly ("models as steps").
///
/// Reading trusts nothing: every length is capped before use and every section's CRC is
/// checked. A section that the file ends inside of (the writer was killed during its
/// last write) is left out; any other damage is a `StepLogError` naming the place.
public struct StepLog: Sendable {
    /// The path the log was read from, for messages.
    public let file: String
    /// The options the run started with.
    public let options: TrainingOptions
    /// The architecture of `options.hidden`.
    public let shape: ModelShape
    /// Every recorded step in order; their step numbers run from `startStep + 1` to `lastStep`.
    public let entries: [StepLogEntry]
    /// The weights sections in file order.
    public let weights: [WeightsCheckpoint]
    /// The file's size when read.
    public let fileBytes: Int
    /// Trailing bytes of an incomplete last section, not used.
    public let tornBytes: Int
    /// Bytes of the header.
    public let headerBytes: Int
    /// Bytes of all step records, frames included.
    public let recordBytes: Int

    /// Reads the log at `path`.
    ///
    /// With `through`, reading stops once that many steps are read, so a log damaged
    /// after them still gives them up (`tornBytes` is then 0; nothing after is checked).
    public static func read(path: String, through step: Int? = nil) throws(StepLogError) -> StepLog {
        let bytes = try LogFileSystem.readAll(path, limit: StepLogFormat.maxFileBytes)
        return try decode(bytes, file: path, through: step)
    }

    /// Reads a log from `bytes`; `file` names it in errors. `through` as for `read`.
    public static func decode(_ bytes: [UInt8], file: String, through step: Int? = nil) throws(StepLogError) -> StepLog {
        let header = try StepLogHeader.decode(bytes, file: file)
        let contents = try StepLogParser(file: file, bytes: bytes, header: header, limit: step).parse()
        return StepLog(file: file, options: header.options, shape: header.shape, entries: contents.entries,
                       weights: contents.weights, fileBytes: bytes.count,
                       tornBytes: contents.stoppedAtLimit ? 0 : bytes.count - contents.validBytes,
                       headerBytes: header.size, recordBytes: contents.recordBytes)
    }

    /// The weights section the steps start from, when the file begins with one (a model
    /// file written by `replay --out`, maybe continued); nil when the steps start from
    /// the initial weights drawn from `options.seed`.
    public var base: WeightsCheckpoint? {
        guard let first = weights.first, first.offset == headerBytes else { return nil }
        return first
    }

    /// The step count the entries start after.
    public var startStep: Int { base?.step ?? 0 }
    /// The step count after the last entry.
    public var lastStep: Int { entries.last?.step ?? startStep }

    /// The model before the first entry: `base`, or the run's initial weights.
    public var initialModel: TernaryModel { base?.model ?? TernaryModel(shape: shape, seed: options.seed) }

    /// The weights after `step` steps (default: all), rebuilt from `initialModel` and the
    /// entries alone. Cost: regenerating every perturbation of every step.
    /// - Precondition: `startStep ≤ step ≤ lastStep`.
    public func replay(to step: Int? = nil) -> TernaryModel {
        var model = initialModel
        for entry in entries(through: step ?? lastStep) { entry.replay(seed: options.seed, on: &model) }
        return model
    }

    /// Like `replay(to:)`, but also checks each weights section up to `step` against the
    /// replayed weights (a base at step 0 against the seed's initial weights).
    /// - Throws: `.weightsMismatch` with the first step whose saved weights differ.
    public func verifiedReplay(to step: Int? = nil) throws(StepLogError) -> TernaryModel {
        let target = step ?? lastStep
        var model = initialModel
        if let base, base.step == 0, base.model != TernaryModel(shape: shape, seed: options.seed) {
            throw .weightsMismatch(file: file, step: 0)
        }
        var pending = weights.dropFirst(base == nil ? 0 : 1).filter { $0.step <= target }[...]
        try check(&pending, at: startStep, against: model)
        for entry in entries(through: target) {
            entry.replay(seed: options.seed, on: &model)
            try check(&pending, at: entry.step, against: model)
        }
        return model
    }

    /// Checks and removes the leading sections of `pending` that hold step `step`.
    private func check(_ pending: inout ArraySlice<WeightsCheckpoint>, at step: Int,
                       against model: TernaryModel) throws(StepLogError) {
        while let next = pending.first, next.step == step {
            guard next.model == model else { throw .weightsMismatch(file: file, step: step) }
            pending.removeFirst()
        }
    }

    /// Checks every weights section against a replay of the steps before it.
    public func verifyWeights() throws(StepLogError) { _ = try verifiedReplay() }

    /// The weights after `lastStep`, by the quickest route: the last weights section
    /// plus the entries after it (no replay at all when it is the last section).
    public var latestModel: TernaryModel {
        guard let checkpoint = weights.last else { return replay() }
        var model = checkpoint.model
        for entry in entries where entry.step > checkpoint.step { entry.replay(seed: options.seed, on: &model) }
        return model
    }

    /// The entries for steps `startStep + 1 ... step`.
    private func entries(through step: Int) -> ArraySlice<StepLogEntry> {
        precondition(step >= startStep && step <= lastStep, "step \(step) is outside \(startStep)...\(lastStep)")
        return entries[..<(step - startStep)]
    }
}

/// A weights section: the model after `step` steps.
public struct WeightsCheckpoint: Sendable, Equatable {
    public let step: Int
    public let model: TernaryModel
    /// The section's first byte in its file.
    public let offset: Int
}
