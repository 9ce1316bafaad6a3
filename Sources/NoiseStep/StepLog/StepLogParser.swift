/// Walks the sections after a step log's header, checking each before trusting it.
///
/// A section that the file ends inside of is a torn tail (the writer was stopped during
/// its last write) and is left out; so are trailing zero bytes, which a file system can
/// leave after a crash. Anything else that is wrong is damage, reported with its place.
struct StepLogParser {
    let file: String
    let bytes: [UInt8]
    let header: StepLogHeader
    /// Stop once this many steps are read: later sections are neither read nor checked.
    var limit: Int? = nil

    /// What the sections hold.
    struct Contents {
        var entries: [StepLogEntry] = []
        var weights: [WeightsCheckpoint] = []
        /// Bytes up to the end of the last complete section.
        var validBytes: Int
        /// Bytes of step records, for bits-per-step figures.
        var recordBytes = 0
        /// Whether reading stopped at `limit` before the end of the file.
        var stoppedAtLimit = false
        /// The step count so far.
        var stepsDone = 0
        /// The settings of the last record, which the next may leave out.
        var previous: StepSettings
    }

    private enum Frame {
        case torn
        case section(kind: UInt8, body: ByteReader, end: Int)
    }

    func parse() throws(StepLogError) -> Contents {
        var contents = Contents(validBytes: header.size, previous: StepSettings(header.options))
        var offset = header.size
        var sectionNumber = 0
        while offset < bytes.count {
            // At the limit; only a file's first section, its base weights, is still read.
            if let limit, contents.stepsDone >= limit, sectionNumber > 0 || bytes[offset] == SectionKind.step.rawValue {
                contents.stoppedAtLimit = true
                break
            }
            sectionNumber += 1
            let damaged = { [stepsDone = contents.stepsDone] (kind: String, problem: String) in
                StepLogError.damagedSection(file: file, section: sectionNumber, kind: kind, offset: offset,
                                            problem: problem, intactSteps: stepsDone)
            }
            guard case .section(let kind, let body, let end) = try frame(at: offset, damaged: damaged) else { break }
            do throws(SectionProblem) {
                try add(kind: kind, body: body, at: offset ..< end, isFirst: sectionNumber == 1, to: &contents)
            } catch {
                throw damaged(SectionKind.name(kind), error.text)
            }
            offset = end
            contents.validBytes = offset
        }
        return contents
    }

    /// Decodes a checked section's body and adds what it holds to `contents`.
    private func add(kind: UInt8, body: ByteReader, at range: Range<Int>, isFirst: Bool,
                     to contents: inout Contents) throws(SectionProblem) {
        switch SectionKind(rawValue: kind) {
        case .step:
            let entry = try StepLogSection.decodeStep(body, previous: contents.previous,
                                                      parameterCount: header.shape.parameterCount)
            guard entry.step == contents.stepsDone + 1 else {
                throw SectionProblem("holds step \(entry.step) where step \(contents.stepsDone + 1) belongs")
            }
            contents.entries.append(entry)
            contents.recordBytes += range.count
            contents.stepsDone = entry.step
            contents.previous = entry.settings
        case .weights:
            let (step, model) = try StepLogSection.decodeWeights(body, shape: header.shape)
            // Only a file's first section may start from a step of its own (a model file).
            guard step == contents.stepsDone || isFirst else {
                throw SectionProblem("holds the weights of step \(step) but follows step \(contents.stepsDone)")
            }
            contents.weights.append(WeightsCheckpoint(step: step, model: model, offset: range.lowerBound))
            contents.stepsDone = step
        case nil:
            break  // an optional section, already checked by its CRC
        }
    }

    /// The section whose frame starts at `offset`, after checking its frame, length and
    /// CRC, or `.torn` when the file ends inside it.
    private func frame(at offset: Int, damaged: (String, String) -> StepLogError) throws(StepLogError) -> Frame {
        var prefix = ByteReader(bytes, from: offset)
        guard let kind = prefix.uint8(), let length = prefix.uint32(), let check = prefix.uint8() else { return .torn }
        if kind == 0 && bytes[offset...].allSatisfy({ $0 == 0 }) { return .torn }
        guard Checksum.crc8(bytes[offset ..< offset + 5]) == check else {
            throw damaged("frame", "its kind and length fail their check byte")
        }
        let name = SectionKind.name(kind)
        let bodyLength = Int(length)
        switch SectionKind(rawValue: kind) {
        case .step:
            guard bodyLength <= 1 << 16 else { throw damaged(name, "length \(bodyLength) is over the 65536 cap") }
        case .weights:
            let expected = StepLogSection.weightsBodyLength(header.shape)
            guard bodyLength == expected else {
                throw damaged(name, "length \(bodyLength) does not match the \(expected) bytes that the weights of"
                    + " the header's architecture \(StepLogHeader.describe(header.shape.widths)) take")
            }
        case nil where SectionKind.isOptional(kind):
            guard bodyLength <= StepLogFormat.maxOptionalBodyBytes else {
                throw damaged(name, "length \(bodyLength) is over the \(StepLogFormat.maxOptionalBodyBytes) cap")
            }
        case nil:
            throw damaged(name, "unknown section kind 0x\(String(kind, radix: 16)) (written by a newer noisestep?)")
        }
        let bodyStart = offset + StepLogFormat.framePrefixBytes
        let end = bodyStart + bodyLength + StepLogFormat.frameSuffixBytes  // lengths are capped: no overflow
        guard end <= bytes.count else { return .torn }
        var suffix = ByteReader(bytes, from: end - StepLogFormat.frameSuffixBytes, to: end)
        guard let stored = suffix.uint32(), Checksum.crc32(bytes[offset ..< end - 4]) == stored else {
            throw damaged(name, "CRC mismatch")
        }
        return .section(kind: kind, body: ByteReader(bytes, from: bodyStart, to: end - 4), end: end)
    }
}
