/// One linear layer: ternary weights [outputs, inputs] and a ternary bias [outputs].
public struct TernaryLayer: Sendable, Equatable {
    public internal(set) var weights: TernaryMatrix
    /// Stored as a 1 × outputs matrix.
    public internal(set) var bias: TernaryMatrix

    public init(inputs: Int, outputs: Int) {
        weights = TernaryMatrix(rows: outputs, columns: inputs)
        bias = TernaryMatrix(rows: 1, columns: outputs)
    }

    public var inputs: Int { weights.columns }
    public var outputs: Int { weights.rows }
    public var zeroCount: Int { weights.zeroCount + bias.zeroCount }
    public var parameterCount: Int { weights.count + bias.count }
}
