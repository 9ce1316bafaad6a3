/// Builds a `JSONValue` from any `Encodable`, for `JSONOutput`. Never throws itself: only
/// a value's own `encode(to:)` can.
struct JSONTreeEncoder: Encoder {
    let node: JSONNode
    let keys: JSONOutput.KeyStyle
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return JSONUnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { JSONSingleValue(encoder: self) }

    /// An encoder for `child`, one level down.
    func nested(_ child: JSONNode, key: any CodingKey) -> JSONTreeEncoder {
        JSONTreeEncoder(node: child, keys: keys, codingPath: codingPath + [key])
    }

    /// Writes `value` into `node`: numbers, strings and booleans as themselves, anything
    /// else by its own `encode(to:)`.
    static func write(_ value: some Encodable, into node: JSONNode, encoder: JSONTreeEncoder) throws {
        if let leaf = leaf(value) { return node.set(leaf) }
        try value.encode(to: encoder)
    }

    /// The JSON of a primitive value; nil for anything else.
    static func leaf(_ value: Any) -> JSONValue? {
        switch value {
        case let value as Bool: return .bool(value)
        case let value as String: return .string(value)
        case let value as Double: return .real(value)
        // A Float's shortest form read back as Double writes the digits a person expects.
        case let value as Float: return .real(value.isFinite ? Double(String(value)) ?? Double(value) : .nan)
        case let value as any SignedInteger & FixedWidthInteger: return .signed(Int64(value))
        case let value as any UnsignedInteger & FixedWidthInteger: return .unsigned(UInt64(value))
        default: return nil
        }
    }
}
