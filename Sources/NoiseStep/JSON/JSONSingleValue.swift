/// The single-value container of `JSONTreeEncoder`: the value becomes its encoder's node.
struct JSONSingleValue: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node.set(.null) }

    mutating func encode(_ value: some Encodable) throws {
        try JSONTreeEncoder.write(value, into: encoder.node, encoder: encoder)
    }
}
