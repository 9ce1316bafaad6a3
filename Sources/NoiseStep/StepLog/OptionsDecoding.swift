import Foundation

/// Decodes the options JSON of a step log's header, naming what is wrong as a value:
/// an option this program does not know, a missing one, or the option whose value does
/// not fit (found by decoding each value on its own against the defaults).
enum OptionsDecoding {
    /// The options in `json`.
    /// - Throws: `.invalidOptions` with the first unknown option (a newer program's option
    ///   would change what a replay must do), the missing option, or the option holding a
    ///   value it does not take.
    static func decode(_ json: Data, file: String) throws(StepLogError) -> TrainingOptions {
        guard let found = try? JSONDecoder().decode([String: JSONValue].self, from: json) else {
            throw .invalidOptions(file: file, problem: .notAnObject)
        }
        let defaults = defaultValues()
        if let unknown = Set(found.keys).subtracting(defaults.keys).subtracting(TrainingOptions.keysAddedLater)
            .sorted().first {
            throw .invalidOptions(file: file, problem: .unknownOption(unknown))
        }
        if let missing = Set(defaults.keys).subtracting(found.keys).subtracting(TrainingOptions.keysAddedLater)
            .sorted().first {
            throw .invalidOptions(file: file, problem: .missingOption(missing))
        }
        if let options = try? JSONDecoder().decode(TrainingOptions.self, from: json) { return options }
        for key in found.keys.sorted() {
            var probe = defaults
            probe[key] = found[key]
            if !decodes(probe), let value = found[key], let example = defaults[key] {
                throw .invalidOptions(file: file, problem: .invalidValue(option: key, found: value.json, example: example.json))
            }
        }
        // Every value decodes on its own beside the defaults, so together they do too.
        throw .invalidOptions(file: file, problem: .notAnObject)
    }

    /// The default options as JSON values, by key, with an example for each option the
    /// defaults leave out.
    private static func defaultValues() -> [String: JSONValue] {
        var example = TrainingOptions()
        if example.ramp == nil { example.ramp = Ramp(steps: 1500, quantileTo: 0.95) }
        guard let data = try? JSONEncoder().encode(example),
              let values = try? JSONDecoder().decode([String: JSONValue].self, from: data) else {
            preconditionFailure("the default options round-trip through JSON")
        }
        return values
    }

    private static func decodes(_ values: [String: JSONValue]) -> Bool {
        guard let data = try? JSONEncoder().encode(values) else { return false }
        return (try? JSONDecoder().decode(TrainingOptions.self, from: data)) != nil
    }
}

/// Any JSON value, kept exactly: whole numbers as 64-bit integers, so a seed survives a
/// round trip.
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case unsigned(UInt64)
    case signed(Int64)
    case real(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(UInt64.self) { self = .unsigned(value) }
        else if let value = try? container.decode(Int64.self) { self = .signed(value) }
        else if let value = try? container.decode(Double.self) { self = .real(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .unsigned(let value): try container.encode(value)
        case .signed(let value): try container.encode(value)
        case .real(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The value as compact JSON with sorted keys.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "?" }
        return String(decoding: data, as: UTF8.self)
    }
}
