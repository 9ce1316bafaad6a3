import Foundation

/// The header of a step log: the run's options (as JSON, so options added later come
/// along), the name of the generator its perturbations were drawn with and, from version
/// 2 on, a fingerprint of the data it trained on.
///
/// Layout (little-endian; FORMAT.md has the full table):
/// magic (8) · version u16 · generator length u8 · generator · options length u32 ·
/// options JSON · [v2: fingerprint length u8 (0 or 12) · fingerprint] · CRC-32 of all before.
struct StepLogHeader: Sendable {
    var options: TrainingOptions
    /// The model architecture of `options.hidden`, checked against the rulebook.
    var shape: ModelShape
    /// Bytes the header occupies at the start of the file.
    var size: Int
    var version: Int
    /// The training data's fingerprint; nil in version 1 files and when not recorded.
    var dataFingerprint: DataFingerprint?
    /// The options as the file stores them.
    var optionsJSON: [UInt8]

    /// The run the header starts: its identity from the options as stored.
    var run: RunIdentity {
        RunIdentity(optimizer: .noiseStep, optionsJSON: optionsJSON, dataFingerprint: dataFingerprint)
    }

    /// The header bytes of a new log (the current version).
    /// - Throws: `.invalidOptions` for options outside the rulebook's limits.
    static func encode(options: TrainingOptions, dataFingerprint: DataFingerprint?,
                       file: String) throws(StepLogError) -> [UInt8] {
        let json = try optionsJSON(options, file: file)
        var bytes = StepLogFormat.magic
        bytes.appendLittleEndian(UInt16(StepLogFormat.version))
        let generator = Array(Philox.identity.utf8)
        bytes.append(UInt8(generator.count))
        bytes += generator
        bytes.appendLittleEndian(UInt32(json.count))
        bytes += json
        let fingerprint = dataFingerprint?.bytes ?? []
        bytes.append(UInt8(fingerprint.count))
        bytes += fingerprint
        bytes.appendLittleEndian(Checksum.crc32(bytes))
        return bytes
    }

    /// `options` as a header stores them: JSON with sorted keys.
    /// - Throws: `.invalidOptions` for options outside the rulebook's limits.
    static func optionsJSON(_ options: TrainingOptions, file: String) throws(StepLogError) -> [UInt8] {
        _ = try checkedShape(options, file: file)
        // Options inside the limits are finite numbers and short lists: they always encode.
        guard let text = try? JSONOutput.sortedLine(options), text.utf8.count <= StepLogFormat.maxOptionsBytes else {
            preconditionFailure("options within the limits encode to at most 64 KiB of JSON")
        }
        return Array(text.utf8)
    }

    /// Reads and checks the header at the start of `bytes` (at least the header's bytes,
    /// or the whole file when it is shorter), in the order that gives the most useful
    /// error: magic, version, lengths, CRC, generator, then the options.
    static func decode(_ bytes: [UInt8], file: String) throws(StepLogError) -> StepLogHeader {
        var reader = ByteReader(bytes)
        let truncated = StepLogError.truncatedHeader(file: file, bytes: bytes.count)
        guard let magic = reader.take(StepLogFormat.magic.count) else {
            throw bytes.elementsEqual(StepLogFormat.magic.prefix(bytes.count)) && !bytes.isEmpty
                ? truncated : .badMagic(file: file)
        }
        guard magic.elementsEqual(StepLogFormat.magic) else { throw .badMagic(file: file) }
        guard let rawVersion = reader.uint16() else { throw truncated }
        let version = Int(rawVersion)
        guard (StepLogFormat.oldestVersion ... StepLogFormat.version).contains(version) else {
            throw .unsupportedVersion(file: file, found: version, supported: StepLogFormat.version)
        }
        guard let generatorLength = reader.uint8() else { throw truncated }
        guard generatorLength >= 1, Int(generatorLength) <= StepLogFormat.maxGeneratorBytes else {
            throw .damagedHeader(file: file, damage: .generatorLength(Int(generatorLength)))
        }
        guard let generator = reader.take(Int(generatorLength)), let optionsLength = reader.uint32() else {
            throw truncated
        }
        guard optionsLength >= 1, optionsLength <= UInt32(StepLogFormat.maxOptionsBytes) else {
            throw .damagedHeader(file: file, damage: .optionsLength(Int(optionsLength)))
        }
        guard let json = reader.take(Int(optionsLength)) else { throw truncated }
        let fingerprint: DataFingerprint? = version >= 2 ? try readFingerprint(&reader, file: file) : nil
        let checked = reader.offset
        guard let storedCRC = reader.uint32() else { throw truncated }
        guard Checksum.crc32(bytes[0 ..< checked]) == storedCRC else {
            throw .damagedHeader(file: file, damage: .crcMismatch)
        }
        let name = String(decoding: generator, as: UTF8.self)
        guard name == Philox.identity else {
            throw .wrongGenerator(file: file, found: name, expected: Philox.identity)
        }
        let options = try OptionsDecoding.decode(Data(json), file: file)
        return StepLogHeader(options: options, shape: try checkedShape(options, file: file), size: reader.offset,
                             version: version, dataFingerprint: fingerprint, optionsJSON: Array(json))
    }

    /// The fingerprint field of a version 2 header: a length (0 or 12), then the bytes;
    /// nil for length 0 (not recorded).
    private static func readFingerprint(_ reader: inout ByteReader, file: String) throws(StepLogError) -> DataFingerprint? {
        let truncated = StepLogError.truncatedHeader(file: file, bytes: reader.bytes.count)
        guard let length = reader.uint8() else { throw truncated }
        switch Int(length) {
        case 0:
            return nil
        case DataFingerprint.byteCount:
            guard let fingerprint = DataFingerprint(reading: &reader) else { throw truncated }
            return fingerprint
        default:
            throw .damagedHeader(file: file, damage: .fingerprintLength(Int(length)))
        }
    }

    /// The architecture of `options`, if it and every other option are within the
    /// rulebook's limits; checked before any `ModelShape` is built.
    static func checkedShape(_ options: TrainingOptions, file: String) throws(StepLogError) -> ModelShape {
        do throws(LimitViolation) {
            return try Limits.check(options)
        } catch {
            throw .invalidOptions(file: file, problem: .limit(error))
        }
    }
}
