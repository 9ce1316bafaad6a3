/// Zero counts of one layer's parameters (weights and bias together).
public struct LayerStats: Sendable, Equatable {
    /// The layer's short label (`LayerKind.label(at:)`), at most 8 characters ("784→256").
    public var label: String
    public var parameters: Int
    public var zeros: Int
    /// Fraction of this layer's parameters that are 0, in [0, 1].
    public var sparsity: Double { Self.sparsity(of: [self]) }

    /// Fraction of the parameters of all `layers` together that are 0, in [0, 1]; 0 for none.
    public static func sparsity(of layers: [LayerStats]) -> Double {
        let total = layers.reduce(0) { $0 + $1.parameters }
        return total == 0 ? 0 : Double(layers.reduce(0) { $0 + $1.zeros }) / Double(total)
    }

    public init(label: String, parameters: Int, zeros: Int) {
        self.label = label
        self.parameters = parameters
        self.zeros = zeros
    }
}
