/// The sections after the header: their frame, step records and weights sections.
///
/// Frame: kind u8 · body length u32 · CRC-8 of those 5 bytes · body · CRC-32 of all
/// the bytes before it. FORMAT.md has the body layouts.
enum StepLogSection {
    /// A section's bytes: frame around `body`.
    static func frame(kind: SectionKind, body: [UInt8]) -> [UInt8] {
        precondition(body.count <= Int(UInt32.max))
        var bytes = [kind.rawValue]
        bytes.reserveCapacity(StepLogFormat.framePrefixBytes + body.count + StepLogFormat.frameSuffixBytes)
        bytes.appendLittleEndian(UInt32(body.count))
        bytes.append(Checksum.crc8(bytes))
        bytes += body
        bytes.appendLittleEndian(Checksum.crc32(bytes))
        return bytes
    }

    // MARK: Step records

    /// The body of `entry`'s record. Settings equal to `previous` are left out.
    /// - Precondition: `entry.keptSigns.count == entry.samples`, each in {−1, 0, +1},
    ///   and `entry.step` fits in 32 bits.
    static func stepBody(_ entry: StepLogEntry, previous: StepSettings) -> [UInt8] {
        precondition(entry.keptSigns.count == entry.samples && entry.samples >= 1)
        precondition(entry.step >= 1 && entry.step <= Int(UInt32.max))
        let current = StepSettings(entry)
        let changed = current.changes(from: previous)
        var body = [UInt8]()
        body.appendLittleEndian(UInt32(entry.step))
        body.append(changed.rawValue)
        if changed.contains(.density) { body.appendLittleEndian(entry.density) }
        if changed.contains(.samples) { body.appendLittleEndian(UInt32(entry.samples)) }
        if changed.contains(.rejectQuantile) { body.appendLittleEndian(entry.rejectQuantile) }
        if changed.contains(.schedule) { body.append(entry.schedule.formatCode) }
        body.appendLittleEndian(entry.loss)
        body.appendLittleEndian(entry.batchAccuracy)
        TritPacking.append(entry.keptSigns, to: &body)
        return body
    }

    /// Decodes a step record's body, whose settings default to `previous`.
    /// - Throws: the problem, for the caller to place in the file.
    static func decodeStep(_ body: ByteReader, previous: StepSettings,
                           parameterCount: Int) throws(SectionProblem) -> StepLogEntry {
        var reader = body
        let length = reader.remaining
        guard let step = reader.uint32(), let flags = reader.uint8() else {
            throw SectionProblem("length \(length) is too short for its fields")
        }
        let changed = ChangedSettings(rawValue: flags)
        guard ChangedSettings.all.isSuperset(of: changed) else {
            throw SectionProblem("unknown flags 0x\(String(flags, radix: 16))")
        }
        let tooShort = SectionProblem("length \(length) is too short for its fields")
        var settings = previous
        if changed.contains(.density) {
            guard let density = reader.float64() else { throw tooShort }
            settings.density = density
        }
        if changed.contains(.samples) {
            guard let samples = reader.uint32() else { throw tooShort }
            settings.samples = Int(samples)
        }
        if changed.contains(.rejectQuantile) {
            guard let quantile = reader.float64() else { throw tooShort }
            settings.rejectQuantile = quantile
        }
        if changed.contains(.schedule) {
            guard let code = reader.uint8() else { throw tooShort }
            guard let schedule = DensitySchedule(formatCode: code) else {
                throw SectionProblem("unknown density schedule \(code)")
            }
            settings.schedule = schedule
        }
        try settings.check(parameterCount: parameterCount)
        guard let loss = reader.float32(), let accuracy = reader.float32() else { throw tooShort }
        let packed = TritPacking.packedCount(settings.samples)
        guard reader.remaining == packed, let signs = reader.take(packed) else {
            throw SectionProblem("length \(length) does not fit its \(settings.samples) samples")
        }
        guard let kept = TritPacking.unpack(signs, count: settings.samples) else {
            throw SectionProblem("kept signs are not valid packed trits")
        }
        return StepLogEntry(step: Int(step), density: settings.density, samples: settings.samples,
                            rejectQuantile: settings.rejectQuantile, schedule: settings.schedule,
                            keptSigns: kept, loss: loss, batchAccuracy: accuracy)
    }

    // MARK: Weights sections

    /// step u32 · parameter count u64 · parameters, 5 trits per byte, in flat order.
    static func weightsBody(_ model: TernaryModel, step: Int) -> [UInt8] {
        precondition(step >= 0 && step <= Int(UInt32.max))
        var body = [UInt8]()
        body.appendLittleEndian(UInt32(step))
        body.appendLittleEndian(UInt64(model.shape.parameterCount))
        TritPacking.append(model.flatParameters, to: &body)
        return body
    }

    /// The body length of a weights section for `shape`.
    static func weightsBodyLength(_ shape: ModelShape) -> Int { 12 + TritPacking.packedCount(shape.parameterCount) }

    /// Decodes a weights section's body for a model of `shape`.
    static func decodeWeights(_ body: ByteReader, shape: ModelShape) throws(SectionProblem) -> (step: Int, model: TernaryModel) {
        var reader = body
        guard let step = reader.uint32(), let count = reader.uint64() else { throw SectionProblem("too short") }
        guard count == UInt64(shape.parameterCount) else {
            throw SectionProblem("holds \(count) parameters but the header's architecture"
                + " \(StepLogHeader.describe(shape.widths)) has \(shape.parameterCount)")
        }
        guard let packed = reader.take(reader.remaining),
              let values = TritPacking.unpack(packed, count: shape.parameterCount) else {
            throw SectionProblem("parameters are not valid packed trits")
        }
        return (Int(step), TernaryModel(shape: shape, flatParameters: values))
    }
}

/// The settings a step record may leave out when they did not change.
struct StepSettings: Equatable {
    var density: Double
    var samples: Int
    var rejectQuantile: Double
    var schedule: DensitySchedule

    init(_ options: TrainingOptions) {
        density = options.density
        samples = options.samples
        rejectQuantile = options.rejectQuantile
        schedule = options.schedule
    }

    init(_ entry: StepLogEntry) {
        density = entry.density
        samples = entry.samples
        rejectQuantile = entry.rejectQuantile
        schedule = entry.schedule
    }

    /// The settings that differ from `previous` (bitwise, so −0 ≠ 0 is kept exactly).
    func changes(from previous: StepSettings) -> ChangedSettings {
        var changed: ChangedSettings = []
        if density.bitPattern != previous.density.bitPattern { changed.insert(.density) }
        if samples != previous.samples { changed.insert(.samples) }
        if rejectQuantile.bitPattern != previous.rejectQuantile.bitPattern { changed.insert(.rejectQuantile) }
        if schedule != previous.schedule { changed.insert(.schedule) }
        return changed
    }

    /// The ranges `TrainingOptions.validate` allows, and the cap on a step's work for a
    /// model of `parameterCount` parameters.
    func check(parameterCount: Int) throws(SectionProblem) {
        guard density > 0 && density < 1 else { throw SectionProblem("density \(density) is not inside (0, 1)") }
        guard samples >= 1 && samples <= StepLogFormat.maxSamples else {
            throw SectionProblem("\(samples) samples is outside 1...65536")
        }
        guard rejectQuantile >= 0 && rejectQuantile < 1 else {
            throw SectionProblem("reject quantile \(rejectQuantile) is not inside [0, 1)")
        }
        let entries = density * Double(samples) * Double(parameterCount)
        guard entries <= Double(StepLogFormat.maxPerturbationEntries) else {
            throw SectionProblem("\(samples) samples at density \(density) draw about \(Int(entries)) perturbation"
                + " entries per step, more than the \(StepLogFormat.maxPerturbationEntries) a step may")
        }
    }
}

/// What is wrong inside one section; the parser adds where.
struct SectionProblem: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
