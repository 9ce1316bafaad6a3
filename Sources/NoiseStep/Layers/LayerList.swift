/// A model's layers as a step log's header writes them: the `layers` option, a JSON array
/// of one object per layer, its kind's name under `"kind"` and the kind's own fields,
/// e.g. `[{"kind":"dense","outputs":256},{"kind":"dense","outputs":10}]` (FORMAT.md). A
/// reader refuses a kind it does not know and a field its kind does not have.
public struct LayerList: Sendable, Equatable, Codable {
    public var layers: [any LayerKind]

    public init(_ layers: [any LayerKind]) { self.layers = layers }

    /// As `--layers` takes it: "dense 256, dense 10".
    public var spec: String { layers.map(\.spec).joined(separator: ", ") }

    public static func == (lhs: LayerList, rhs: LayerList) -> Bool {
        lhs.layers.count == rhs.layers.count && zip(lhs.layers, rhs.layers).allSatisfy { $0.isSame(as: $1) }
    }

    private enum KindKey: String, CodingKey { case kind }

    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for layer in layers {
            let element = list.superEncoder()
            var kind = element.container(keyedBy: KindKey.self)
            try kind.encode(type(of: layer).kindName, forKey: .kind)
            try layer.encode(to: element)
        }
    }

    public init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var layers: [any LayerKind] = []
        while !list.isAtEnd {
            let element = try list.superDecoder()
            let name = try element.container(keyedBy: KindKey.self).decode(String.self, forKey: .kind)
            guard let kind = LayerKinds.named(name) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: try element.container(keyedBy: KindKey.self),
                                                       debugDescription: "no layer kind is called \(name)")
            }
            let layer = try kind.init(from: element)
            // A field the kind does not write is one it would not read: refuse it.
            let fields = try element.singleValueContainer().decode([String: JSONValue].self).keys
            let written = try JSONOutput.tree(layer, keys: .declared)
            guard case .object(let members) = written, Set(fields) == Set(members.map(\.key) + ["kind"]) else {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: try element.container(keyedBy: KindKey.self),
                                                       debugDescription: "fields other than \(name)'s")
            }
            layers.append(layer)
        }
        self.layers = layers
    }
}
