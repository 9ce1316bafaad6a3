/// One parameter's place: a weight (row = output, column = input) or a bias (row = output).
public struct ParameterLocation: Sendable, Equatable {
    public var layer: Int
    public var isBias: Bool
    public var row: Int
    public var column: Int
}
