import NoiseStepKernels

/// A dense (fully connected) layer: z = W·x + b over all input features, ternary W
/// [outputs, inputs] and b [outputs]. Every dense layer but the last is followed by layer
/// normalization (no learned parameters, ε = `LayerNorm.epsilon`) and ReLU; the last one
/// gives the logits. An MLP is a list of dense layers.
///
/// Flat order: the weights row-major (row = output, column = input), then the bias.
/// Header: `{"kind": "dense", "outputs": 256}`; `--layers`: `dense 256`; on screen
/// "784→256" (inputs→outputs).
public struct DenseLayer: RunnableLayer, Equatable {
    public static let kindName = "dense"
    public static let usage = "dense OUTPUTS"

    /// Its output features.
    public var outputs: Int

    public init(outputs: Int) { self.outputs = outputs }

    public init(arguments: [String]) throws(LayerSpecProblem) {
        guard arguments.count == 1, let outputs = Int(arguments[0]) else {
            throw .badArguments(kind: Self.kindName, found: arguments, expected: Self.usage)
        }
        self.outputs = outputs
    }

    public var arguments: [String] { [String(outputs)] }

    public func check() throws(LimitViolation) { try Limits.check(.hidden, outputs) }

    public func outputShape(for input: ActivationShape) -> ActivationShape? { .vector(outputs) }

    public func parameters(for input: ActivationShape) -> ParameterBlock? {
        ParameterBlock(rows: outputs, columns: input.features)
    }

    public func label(at place: LayerPlace) -> String { "\(place.input.features)→\(outputs)" }

    func makeStage(at place: LayerPlace) -> any LayerStage { DenseStage(place: place) }

    public func receptiveField(of unit: Int, parameters: TernaryLayer, at place: LayerPlace) -> [Int8]? {
        guard place.isFirst, unit >= 0, unit < outputs else { return nil }
        return (0 ..< parameters.columns).map { parameters.weights[unit, $0] }
    }

    public func exportLayers(_ parameters: TernaryLayer, at place: LayerPlace) -> [ExportLayer] {
        let dense = ExportLayer.dense(ExportDense(index: place.index, layer: parameters))
        return place.hasActivation ? [dense, .layerNorm(epsilon: LayerNorm.epsilon), .relu] : [dense]
    }
}
