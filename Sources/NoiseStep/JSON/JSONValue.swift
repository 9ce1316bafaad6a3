/// Any JSON value, kept exactly: whole numbers as 64-bit integers, so a seed survives a
/// round trip. What the step log's header options are checked as (`OptionsDecoding`)
/// and what every JSON output is built as before it is written (`JSONOutput`).
enum JSONValue: Codable, Equatable {
    case null
    case bool(Bool)
    case unsigned(UInt64)
    case signed(Int64)
    /// A finite number; `JSONOutput` writes a non-finite one as `null`.
    case real(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order they were written (an output's declaration order) or, read
    /// from a file, sorted by key.
    case object([Member])

    struct Member: Equatable {
        var key: String
        var value: JSONValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(UInt64.self) { self = .unsigned(value) }
        else if let value = try? container.decode(Int64.self) { self = .signed(value) }
        else if let value = try? container.decode(Double.self) { self = .real(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else {
            let members = try container.decode([String: JSONValue].self)
            self = .object(members.sorted { $0.key < $1.key }.map { Member(key: $0.key, value: $0.value) })
        }
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
        case .object(let members):
            try container.encode(Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 }))
        }
    }

    /// The value as compact JSON with sorted keys, for messages.
    var json: String { text(indent: nil, sortingKeys: true) }
}
