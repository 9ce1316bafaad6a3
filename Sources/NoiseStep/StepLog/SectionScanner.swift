/// Walks the sections after a step log's header one at a time, checking each before
/// trusting it; holds one section in memory at a time.
///
/// A torn tail (the file ends inside its last section, as when the writer was killed
/// during its last write, or all bytes from a section's start to the end are zero) ends
/// the walk and is counted in `tornBytes`. A section whose length runs past the end is a
/// torn tail only if no complete section follows it: otherwise its length is damaged.
/// Anything else that is wrong is a `StepLogError.damagedSection` naming the place.
struct SectionScanner {
    let file: String
    let header: StepLogHeader
    private(set) var source: LogSource
    /// Stop once this many steps are read: later sections are neither read nor checked.
    /// A file's first section, its base weights, is still read.
    let limit: Int?

    /// The first byte of the next section.
    private(set) var offset: Int
    /// Sections read so far.
    private(set) var sectionNumber = 0
    /// The step count so far.
    private(set) var stepsDone = 0
    /// The settings of the last record, which the next may leave out.
    private(set) var previous: StepSettings
    /// Bytes of a torn tail found at the end.
    private(set) var tornBytes = 0
    /// Whether the walk stopped at `limit` before the end of the file.
    private(set) var stoppedAtLimit = false
    /// Whether the first section was a weights section (a model file).
    private var openedWithWeights = false

    /// What a section holds.
    enum Content {
        case step(StepLogEntry)
        case weights(step: Int, model: TernaryModel)
        case origin(ModelOrigin)
        /// The settings the step after `step` uses (a model file's).
        case settings(step: Int, settings: StepSettings)
        case optional
    }

    /// One checked section: what it holds, where it starts and its size with its frame.
    struct Section {
        let content: Content
        let offset: Int
        let bytes: Int
    }

    init(file: String, header: StepLogHeader, source: LogSource, limit: Int? = nil) {
        self.file = file
        self.header = header
        self.source = source
        self.limit = limit
        offset = header.size
        previous = StepSettings(header.options)
    }

    /// The next section, or nil at the end: of the file, of a torn tail, or at `limit`.
    mutating func next() throws(StepLogError) -> Section? {
        guard offset < source.size, !stoppedAtLimit else { return nil }
        if let limit, stepsDone >= limit {
            // Only a file's first section, its base weights, is still read.
            let opensWithWeights = sectionNumber == 0 ? try peekKind() != SectionKind.step.rawValue : false
            if !opensWithWeights {
                stoppedAtLimit = true
                return nil
            }
        }
        let start = offset
        guard let (kind, end) = try frame(at: start) else {
            tornBytes = source.size - start
            offset = source.size
            return nil
        }
        let bytes = Array(try read(at: start, count: end - start))
        let bodyStart = StepLogFormat.framePrefixBytes, bodyEnd = bytes.count - StepLogFormat.frameSuffixBytes
        var suffix = ByteReader(bytes, from: bodyEnd)
        guard suffix.uint32() == Checksum.crc32(bytes[..<bodyEnd]) else {
            throw damaged(kind, at: start, .crcMismatch)
        }
        let content: Content
        do throws(SectionProblem) {
            content = try decode(kind: kind, body: ByteReader(bytes, from: bodyStart, to: bodyEnd))
        } catch {
            throw damaged(kind, at: start, error)
        }
        offset = end
        return Section(content: content, offset: start, bytes: end - start)
    }

    /// The kind and end of the section whose frame starts at `start`, after checking its
    /// frame and length; nil when it is a torn tail.
    private mutating func frame(at start: Int) throws(StepLogError) -> (kind: UInt8, end: Int)? {
        sectionNumber += 1
        var prefix = ByteReader(Array(try read(at: start, count: StepLogFormat.framePrefixBytes)))
        guard let kind = prefix.uint8(), let rawLength = prefix.uint32(), let check = prefix.uint8() else { return nil }
        if kind == 0, try zeroed(from: start) { return nil }
        guard Checksum.crc8(prefix.bytes[0 ..< 5]) == check else { throw damaged(kind, at: start, .frameCheck) }
        guard let cap = SectionKind.bodyCap(kind, shape: header.shape) else {
            throw damaged(kind, at: start, .unknownKind(kind))
        }
        let length = Int(rawLength)
        let exact = SectionKind.hasExactLength(kind)
        guard exact ? length == cap : length <= cap else { throw damaged(kind, at: start, .length(length, cap: cap)) }
        // Lengths are capped, so this cannot overflow.
        let end = start + StepLogFormat.framePrefixBytes + length + StepLogFormat.frameSuffixBytes
        guard end <= source.size else {
            if let later = try completeSection(after: start) {
                throw damaged(kind, at: start, .lengthPastEnd(length: length, fileBytes: source.size, completeSectionAt: later))
            }
            return nil
        }
        return (kind, end)
    }

    /// Decodes a checked section's body and moves the step count and settings on.
    private mutating func decode(kind: UInt8, body: ByteReader) throws(SectionProblem) -> Content {
        switch SectionKind(rawValue: kind) {
        case .step:
            let entry = try StepLogSection.decodeStep(body, previous: previous, parameterCount: header.shape.parameterCount)
            guard entry.step == stepsDone + 1 else {
                throw .stepOutOfOrder(found: entry.step, expected: stepsDone + 1)
            }
            stepsDone = entry.step
            previous = entry.settings
            return .step(entry)
        case .weights:
            let (step, model) = try StepLogSection.decodeWeights(body, shape: header.shape)
            // Only a file's first section may start from a step of its own (a model file).
            guard step == stepsDone || sectionNumber == 1 else { throw .weightsStep(step, stepsDone: stepsDone) }
            stepsDone = step
            openedWithWeights = sectionNumber == 1
            return .weights(step: step, model: model)
        case .origin:
            // It describes the opening weights, so it follows them directly.
            guard sectionNumber == 2, openedWithWeights else { throw .misplacedOrigin }
            return .origin(try ModelOrigin.decode(body))
        case .settings:
            // Against the header's settings, whatever records came before: a reader that
            // skips this section decodes the records after it all the same.
            let (step, settings) = try StepLogSection.decodeSettingsSection(
                body, base: StepSettings(header.options), parameterCount: header.shape.parameterCount)
            guard step == stepsDone else { throw .settingsStep(step, stepsDone: stepsDone) }
            return .settings(step: step, settings: settings)
        case nil:
            return .optional  // its CRC is all there is to check
        }
    }

    /// The offset of a complete, CRC-valid section that starts after `start` and before
    /// the end of the file, if any. The bytes scanned are fewer than the cap on one
    /// section, since the section at `start` runs past the end.
    private mutating func completeSection(after start: Int) throws(StepLogError) -> Int? {
        let tail = Array(try read(at: start, count: source.size - start))
        let prefixBytes = StepLogFormat.framePrefixBytes, frameBytes = prefixBytes + StepLogFormat.frameSuffixBytes
        var candidate = 1
        while candidate + frameBytes <= tail.count {
            defer { candidate += 1 }
            var reader = ByteReader(tail, from: candidate)
            guard let kind = reader.uint8(), let rawLength = reader.uint32(), let check = reader.uint8(),
                  let cap = SectionKind.bodyCap(kind, shape: header.shape), Int(rawLength) <= cap,
                  Checksum.crc8(tail[candidate ..< candidate + 5]) == check else { continue }
            let end = candidate + frameBytes + Int(rawLength)
            guard end <= tail.count else { continue }
            var suffix = ByteReader(tail, from: end - StepLogFormat.frameSuffixBytes, to: end)
            if suffix.uint32() == Checksum.crc32(tail[candidate ..< end - StepLogFormat.frameSuffixBytes]) {
                return start + candidate
            }
        }
        return nil
    }

    private mutating func peekKind() throws(StepLogError) -> UInt8? { try read(at: offset, count: 1).first }

    private mutating func zeroed(from start: Int) throws(StepLogError) -> Bool {
        do throws(FileProblem) { return try source.isZero(from: start) } catch { throw .io(file: file, problem: error) }
    }

    private mutating func read(at start: Int, count: Int) throws(StepLogError) -> ArraySlice<UInt8> {
        do throws(FileProblem) { return try source.bytes(at: start, count: count) } catch { throw .io(file: file, problem: error) }
    }

    private func damaged(_ kind: UInt8, at start: Int, _ problem: SectionProblem) -> StepLogError {
        .damagedSection(file: file, section: sectionNumber, kind: kind, offset: start, problem: problem, intactSteps: stepsDone)
    }
}
