import NoiseStep

extension LayerSpecProblem {
    /// One line naming the option, the layer and the kinds there are.
    var message: String {
        switch self {
        case .unknownKind(let name):
            return "--layers: '\(Printable.escaped(name))' is not a kind of layer; the kinds are "
                + LayerKinds.usages.joined(separator: ", ") + ", e.g. \"dense 128, dense 10\""
        case .badArguments(let kind, let found, let expected):
            return "--layers: '\(Printable.escaped(([kind] + found).joined(separator: " ")))' does not read as"
                + " \(expected)"
        }
    }
}
