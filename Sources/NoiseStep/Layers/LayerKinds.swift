/// Every layer kind the program knows, by name: what a step log header's `layers` and the
/// command line's `--layers` may name. A new kind adds its type to `all`, nothing else
/// outside its folder.
public enum LayerKinds {
    static let all: [any RunnableLayer.Type] = [DenseLayer.self, ConvLayer.self, PoolLayer.self]

    /// How each kind's spec reads: "dense OUTPUTS".
    public static var usages: [String] { all.map { $0.usage } }

    /// The kind called `name`, nil when none is.
    static func named(_ name: String) -> (any RunnableLayer.Type)? {
        all.first { $0.kindName == name }
    }

    /// The layers of a `--layers` spec: comma-separated, each a kind's name and its
    /// arguments separated by spaces, e.g. "dense 256, dense 256, dense 10".
    public static func parse(_ spec: String) throws(LayerSpecProblem) -> [any LayerKind] {
        var layers: [any LayerKind] = []
        for part in spec.split(separator: ",", omittingEmptySubsequences: false) {
            let words = part.split(separator: " ").map(String.init)
            guard let name = words.first else { throw .unknownKind("") }
            guard let kind = named(name) else { throw .unknownKind(name) }
            layers.append(try kind.init(arguments: Array(words.dropFirst())))
        }
        return layers
    }
}
