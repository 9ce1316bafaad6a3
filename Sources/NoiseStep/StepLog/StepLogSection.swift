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
        var body = [UInt8]()
        body.appendLittleEndian(UInt32(entry.step))
        appendSettings(entry.settings, previous: previous, to: &body)
        body.appendLittleEndian(entry.loss)
        body.appendLittleEndian(entry.batchAccuracy)
        TritCodec.append(entry.keptSigns, to: &body)
        return body
    }

    /// Decodes a step record's body, whose settings default to `previous`.
    /// - Throws: the problem, for the caller to place in the file.
    static func decodeStep(_ body: ByteReader, previous: StepSettings,
                           parameterCount: Int) throws(SectionProblem) -> StepLogEntry {
        var reader = body
        let length = reader.remaining
        let tooShort = SectionProblem.bodyLength(length, samples: nil)
        guard let step = reader.uint32() else { throw tooShort }
        let settings = try decodeSettings(&reader, previous: previous, parameterCount: parameterCount, tooShort: tooShort)
        guard let loss = reader.float32(), let accuracy = reader.float32() else { throw tooShort }
        guard StepLogFormat.isRecordable(loss: loss, batchAccuracy: accuracy) else {
            throw .metricsOutOfRange(StepMetrics(loss: loss, batchAccuracy: accuracy))
        }
        let packed = TritCodec.packedCount(settings.samples)
        guard reader.remaining == packed, let signs = reader.take(packed) else {
            throw .bodyLength(length, samples: settings.samples)
        }
        guard let kept = TritCodec.unpack(signs, count: settings.samples) else { throw .invalidTrits }
        return StepLogEntry(step: Int(step), settings: settings, keptSigns: kept, loss: loss, batchAccuracy: accuracy)
    }

    // MARK: Step settings, in records and settings sections

    /// The flags byte, then each setting of `settings` that differs from `previous`: how
    /// a step record and a settings section both store settings.
    static func appendSettings(_ settings: StepSettings, previous: StepSettings, to body: inout [UInt8]) {
        let changed = settings.changes(from: previous)
        body.append(changed.rawValue)
        if changed.contains(.density) { body.appendLittleEndian(settings.density) }
        if changed.contains(.samples) { body.appendLittleEndian(UInt32(settings.samples)) }
        if changed.contains(.rejectQuantile) { body.appendLittleEndian(settings.rejectQuantile) }
        if changed.contains(.schedule) { body.append(settings.schedule.formatCode) }
    }

    /// Reads what `appendSettings` wrote: `previous` with the settings the flags spell
    /// out, checked against the rulebook for a model of `parameterCount` parameters.
    static func decodeSettings(_ reader: inout ByteReader, previous: StepSettings, parameterCount: Int,
                               tooShort: SectionProblem) throws(SectionProblem) -> StepSettings {
        guard let flags = reader.uint8() else { throw tooShort }
        let changed = ChangedSettings(rawValue: flags)
        guard ChangedSettings.all.isSuperset(of: changed) else { throw .unknownFlags(flags) }
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
            guard let schedule = DensitySchedule(formatCode: code) else { throw .unknownSchedule(code) }
            settings.schedule = schedule
        }
        do throws(LimitViolation) {
            try Limits.check(settings, parameterCount: parameterCount)
        } catch {
            throw .limit(error)
        }
        return settings
    }

    /// step u32 · the settings the step after it uses, stored as a record stores its
    /// settings, against the header's (`base`).
    static func settingsBody(_ settings: StepSettings, step: Int, base: StepSettings) -> [UInt8] {
        precondition(step >= 0 && step <= Int(UInt32.max))
        var body = [UInt8]()
        body.appendLittleEndian(UInt32(step))
        appendSettings(settings, previous: base, to: &body)
        return body
    }

    /// Decodes a settings section's body; its settings are stored against `base`.
    static func decodeSettingsSection(_ body: ByteReader, base: StepSettings,
                                      parameterCount: Int) throws(SectionProblem) -> (step: Int, settings: StepSettings) {
        var reader = body
        let tooShort = SectionProblem.bodyLength(reader.remaining, samples: nil)
        guard let step = reader.uint32() else { throw tooShort }
        let settings = try decodeSettings(&reader, previous: base, parameterCount: parameterCount, tooShort: tooShort)
        guard reader.remaining == 0 else { throw .bodyLength(body.remaining, samples: nil) }
        return (Int(step), settings)
    }

    // MARK: Weights sections

    /// step u32 · parameter count u64 · parameters, 5 trits per byte, in flat order.
    static func weightsBody(_ model: TernaryModel, step: Int) -> [UInt8] {
        precondition(step >= 0 && step <= Int(UInt32.max))
        var body = [UInt8]()
        body.appendLittleEndian(UInt32(step))
        body.appendLittleEndian(UInt64(model.shape.parameterCount))
        TritCodec.append(model.flatParameters, to: &body)
        return body
    }

    /// The body length of a weights section for `shape`.
    static func weightsBodyLength(_ shape: ModelShape) -> Int {
        StepLogFormat.weightsPrefixBytes + TritCodec.packedCount(shape.parameterCount)
    }

    /// Decodes a weights section's body for a model of `shape`.
    static func decodeWeights(_ body: ByteReader, shape: ModelShape) throws(SectionProblem) -> (step: Int, model: TernaryModel) {
        var reader = body
        guard let step = reader.uint32(), let count = reader.uint64() else {
            throw .length(body.remaining, cap: weightsBodyLength(shape))
        }
        guard count == UInt64(shape.parameterCount) else {
            throw .parameterCount(found: count, expected: shape.parameterCount, widths: shape.widths)
        }
        guard let packed = reader.take(reader.remaining),
              let values = TritCodec.unpack(packed, count: shape.parameterCount) else { throw .invalidTrits }
        return (Int(step), TernaryModel(shape: shape, flatParameters: values))
    }
}

extension StepSettings {
    /// The settings that differ from `previous` (bitwise, so −0 ≠ 0 is kept exactly): the
    /// ones a step record spells out.
    func changes(from previous: StepSettings) -> ChangedSettings {
        var changed: ChangedSettings = []
        if density.bitPattern != previous.density.bitPattern { changed.insert(.density) }
        if samples != previous.samples { changed.insert(.samples) }
        if rejectQuantile.bitPattern != previous.rejectQuantile.bitPattern { changed.insert(.rejectQuantile) }
        if schedule != previous.schedule { changed.insert(.schedule) }
        return changed
    }
}
