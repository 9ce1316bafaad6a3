import Foundation

/// The header of a step log: the run's options (as JSON, so options added later come
/// along) and the name of the generator its perturbations were drawn with.
///
/// Layout (little-endian; FORMAT.md has the full table):
/// magic (8) · version u16 · generator length u8 · generator · options length u32 ·
/// options JSON · CRC-32 of everything before it.
struct StepLogHeader: Sendable {
    var options: TrainingOptions
    /// The model architecture of `options.hidden`, checked against the caps.
    var shape: ModelShape
    /// Bytes the header occupies at the start of the file.
    var size: Int

    /// The header bytes of a new log.
    static func encode(options: TrainingOptions, file: String) throws(StepLogError) -> [UInt8] {
        let json: Data
        do {
            _ = try checkedShape(options, file: file)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            json = try encoder.encode(options)
        } catch let error as StepLogError {
            throw error
        } catch {
            throw .invalidOptions(file: file, problem: oneLine(error))
        }
        guard json.count <= StepLogFormat.maxOptionsBytes else {
            throw .invalidOptions(file: file, problem: "options take \(json.count) bytes as JSON, more than 65536")
        }
        var bytes = StepLogFormat.magic
        bytes.appendLittleEndian(UInt16(StepLogFormat.version))
        let generator = Array(Philox.identity.utf8)
        bytes.append(UInt8(generator.count))
        bytes += generator
        bytes.appendLittleEndian(UInt32(json.count))
        bytes += json
        bytes.appendLittleEndian(Checksum.crc32(bytes))
        return bytes
    }

    /// Reads and checks the header at the start of `bytes`, in the order that gives the
    /// most useful message: magic, version, lengths, CRC, generator, then the options.
    static func decode(_ bytes: [UInt8], file: String) throws(StepLogError) -> StepLogHeader {
        var reader = ByteReader(bytes)
        let truncated = StepLogError.truncatedHeader(file: file, bytes: bytes.count)
        guard let magic = reader.take(StepLogFormat.magic.count) else {
            throw bytes.elementsEqual(StepLogFormat.magic.prefix(bytes.count)) && !bytes.isEmpty
                ? truncated : .badMagic(file: file)
        }
        guard magic.elementsEqual(StepLogFormat.magic) else { throw .badMagic(file: file) }
        guard let version = reader.uint16() else { throw truncated }
        guard Int(version) == StepLogFormat.version else {
            throw .unsupportedVersion(file: file, found: Int(version), supported: StepLogFormat.version)
        }
        guard let generatorLength = reader.uint8() else { throw truncated }
        guard generatorLength >= 1, Int(generatorLength) <= StepLogFormat.maxGeneratorBytes else {
            throw .damagedHeader(file: file, problem: "generator name length \(generatorLength) is outside 1...64")
        }
        guard let generator = reader.take(Int(generatorLength)), let optionsLength = reader.uint32() else {
            throw truncated
        }
        guard optionsLength >= 1, optionsLength <= UInt32(StepLogFormat.maxOptionsBytes) else {
            throw .damagedHeader(file: file, problem: "options length \(optionsLength) is outside 1...65536")
        }
        guard let json = reader.take(Int(optionsLength)) else { throw truncated }
        let checked = reader.offset
        guard let storedCRC = reader.uint32() else { throw truncated }
        guard Checksum.crc32(bytes[0 ..< checked]) == storedCRC else {
            throw .damagedHeader(file: file, problem: "CRC mismatch")
        }
        let name = String(decoding: generator, as: UTF8.self)
        guard name == Philox.identity else {
            throw .wrongGenerator(file: file, found: StepLogError.printable(name), expected: Philox.identity)
        }
        let options = try decodeOptions(Data(json), file: file)
        return StepLogHeader(options: options, shape: try checkedShape(options, file: file), size: reader.offset)
    }

    /// Decodes and validates the options, refusing options this program does not know:
    /// a newer program's setting would change what a replay must do.
    private static func decodeOptions(_ json: Data, file: String) throws(StepLogError) -> TrainingOptions {
        let options: TrainingOptions
        do {
            let known = try JSONDecoder().decode(OptionNames.self, from: JSONEncoder().encode(TrainingOptions()))
            let found = try JSONDecoder().decode(OptionNames.self, from: json)
            if let unknown = found.names.subtracting(known.names).sorted().first {
                throw StepLogError.invalidOptions(
                    file: file, problem: "unknown option \"\(StepLogError.printable(unknown))\""
                        + " (written by a newer noisestep? update to replay it)")
            }
            options = try JSONDecoder().decode(TrainingOptions.self, from: json)
        } catch let error as StepLogError {
            throw error
        } catch {
            throw .invalidOptions(file: file, problem: oneLine(error))
        }
        return options
    }

    /// The architecture of `options`, if it and every other option are within the
    /// rulebook's limits; checked before any `ModelShape` is built.
    static func checkedShape(_ options: TrainingOptions, file: String) throws(StepLogError) -> ModelShape {
        do throws(LimitViolation) {
            return try Limits.check(options)
        } catch {
            throw .invalidOptions(file: file, problem: SectionProblem(error).text)
        }
    }

    /// "784→16→12→10".
    static func describe(_ widths: [Int]) -> String { widths.map(String.init).joined(separator: "→") }

    /// A decoding error's message on one line.
    private static func oneLine(_ error: any Error) -> String {
        let text: String
        switch error {
        case DecodingError.keyNotFound(let key, _): text = "missing option \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            text = (path.isEmpty ? "" : "\"\(path)\": ") + context.debugDescription
        default: text = String(describing: error)
        }
        return StepLogError.printable(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }
}

/// The top-level keys of a JSON object.
private struct OptionNames: Decodable {
    var names: Set<String>

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        names = Set(try decoder.container(keyedBy: Key.self).allKeys.map(\.stringValue))
    }
}
