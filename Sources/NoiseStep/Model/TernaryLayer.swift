/// One layer's ternary parameters (`ParameterBlock`): weights [rows, columns] and a bias
/// [rows]; empty (0 × 0) for a layer without parameters. For a dense layer, rows are its
/// outputs and columns its inputs.
public struct TernaryLayer: Sendable, Equatable {
    public internal(set) var weights: TernaryMatrix
    /// Stored as a 1 × rows matrix.
    public internal(set) var bias: TernaryMatrix

    /// All-zero parameters of `block`, or none.
    public init(_ block: ParameterBlock?) {
        weights = TernaryMatrix(rows: block?.rows ?? 0, columns: block?.columns ?? 0)
        bias = TernaryMatrix(rows: block == nil ? 0 : 1, columns: block?.rows ?? 0)
    }

    public var rows: Int { weights.rows }
    public var columns: Int { weights.columns }
    public var zeroCount: Int { weights.zeroCount + bias.zeroCount }
    public var parameterCount: Int { weights.count + bias.count }
}
