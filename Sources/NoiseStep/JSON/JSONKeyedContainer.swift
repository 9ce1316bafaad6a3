/// The keyed container of `JSONTreeEncoder`, writing into its encoder's node.
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
