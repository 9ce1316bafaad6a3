/// Zero counts of one layer's parameters (weights and bias together).
public struct LayerStats: Sendable, Equatable {
    public var inputs: Int
    public var outputs: Int
    public var parameters: Int
    public var zeros: Int
    /// Fraction of this layer's parameters that are 0, in [0, 1].
    public var sparsity: Double { Self.sparsity(of: [self]) }

    /// Fraction of the parameters of all `layers` together that are 0, in [0, 1]; 0 for none.
    public static func sparsity(of layers: [LayerStats]) -> Double {
        let total = layers.reduce(0) { $0 + $1.parameters }
        return total == 0 ? 0 : Double(layers.reduce(0) { $0 + $1.zeros }) / Double(total)
    }

    public init(inputs: Int, outputs: Int, parameters: Int, zeros: Int) {
        self.inputs = inputs
        self.outputs = outputs
        self.parameters = parameters
        self.zeros = zeros
    }
}
