/// Where a layer's ternary parameters sit in the flat parameter vector, and their shape:
/// a weight matrix [rows, columns] row-major, then a bias [rows]. This is the order
/// perturbation positions index into and weights sections store.
///
/// A dense layer's rows are its outputs and its columns its inputs; a kind with another
/// arrangement (a convolution's [out channels, in channels · k · k]) says how its rows and
/// columns map onto its computation.
public struct ParameterBlock: Sendable, Hashable {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0)
        (self.rows, self.columns) = (rows, columns)
    }

    public var weightCount: Int { rows * columns }
    /// Weights and bias.
    public var count: Int { rows * (columns + 1) }

    /// Where local parameter `index` (0 ..< count) lives.
    public func locate(_ index: Int) -> (isBias: Bool, row: Int, column: Int) {
        precondition(index >= 0 && index < count)
        return index < weightCount ? (false, index / columns, index % columns) : (true, index - weightCount, 0)
    }
}
