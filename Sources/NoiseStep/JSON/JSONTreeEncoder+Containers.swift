/// The three containers of `JSONTreeEncoder`, each writing into its encoder's node.
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    private func child(_ key: Key) -> (JSONNode, JSONTreeEncoder) {
        let node = encoder.node.member(encoder.keys.key(key.stringValue))
        return (node, encoder.nested(node, key: key))
    }

    mutating func encodeNil(forKey key: Key) throws { child(key).0.set(.null) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        let (node, nested) = child(key)
        try JSONTreeEncoder.write(value, into: node, encoder: nested)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                       forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        child(key).1.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        child(key).1.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { child(key).1 }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { encoder.node.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    private func next() -> (JSONNode, JSONTreeEncoder) {
        let index = Index(intValue: count), node = encoder.node.element()
        return (node, encoder.nested(node, key: index))
    }

    mutating func encodeNil() throws { next().0.set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        let (node, nested) = next()
        try JSONTreeEncoder.write(value, into: node, encoder: nested)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        next().1.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { next().1.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { next().1 }
}

struct JSONSingleValue: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try JSONTreeEncoder.write(value, into: encoder.node, encoder: encoder)
    }
}
