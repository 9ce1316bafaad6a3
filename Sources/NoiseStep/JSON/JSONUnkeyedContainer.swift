/// The unkeyed container of `JSONTreeEncoder`: each element a new node at the end of its array.
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
