/// One place in a JSON value being built: containers write into it as an `Encodable`
/// encodes itself, so two containers asked of one encoder (a report that encodes a
/// summary, then its own keys) fill one object.
final class JSONNode {
    private enum Content {
        case empty
        case leaf(JSONValue)
        /// Members in the order they were first written.
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
    }

    private var content = Content.empty

    /// The finished value; an empty node (nothing encoded) is an empty object.
    var value: JSONValue {
        switch content {
        case .empty: return .object([])
        case .leaf(let value): return value
        case .object(let members): return .object(members.map { JSONValue.Member(key: $0.key, value: $0.node.value) })
        case .array(let elements): return .array(elements.map(\.value))
        }
    }

    func set(_ value: JSONValue) { content = .leaf(value) }

    /// Member `key` of this object, new and empty, in the place of an earlier member of
    /// that key or else last (the node becomes an object if it was empty).
    func member(_ key: String) -> JSONNode {
        var members: [(key: String, node: JSONNode)] = []
        if case .object(let existing) = content { members = existing }
        let child = JSONNode()
        if let index = members.firstIndex(where: { $0.key == key }) {
            members[index].node = child
        } else {
            members.append((key, child))
        }
        content = .object(members)
        return child
    }

    /// A new element at the end of this array (the node becomes one if it was empty).
    func element() -> JSONNode {
        var elements: [JSONNode] = []
        if case .array(let existing) = content { elements = existing }
        let child = JSONNode()
        elements.append(child)
        content = .array(elements)
        return child
    }

    func makeObject() { if case .empty = content { content = .object([]) } }
    func makeArray() { if case .empty = content { content = .array([]) } }

    var count: Int {
        if case .array(let elements) = content { return elements.count }
        return 0
    }
}

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
