/// One parameter's place: a weight (row, column of its layer's `ParameterBlock`) or a bias
/// (row). For a dense layer, row = output and column = input.
public struct ParameterLocation: Sendable, Equatable {
    public var layer: Int
    public var isBias: Bool
    public var row: Int
    public var column: Int
}
