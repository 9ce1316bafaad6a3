import NoiseStepKernels

/// Max pooling over non-overlapping size × size windows of each channel: the largest value
/// of each window (rows and columns past the last whole window are dropped). No
/// parameters. It pools the layer before it ahead of that layer's activation: a
/// convolution followed by a pooling layer gives its z, and the layer norm (over the pooled
/// features) and ReLU run here, after the pooling (`takesPreviousActivation`), which costs
/// a quarter of normalizing before a 2 × 2 pooling and learned better (README).
///
/// Header: `{"kind": "pool", "size": 2}`; `--layers`: `pool 2`; on screen "max 2×2".
public struct PoolLayer: RunnableLayer, Equatable {
    public static let kindName = "pool"
    public static let usage = "pool SIZE"
    public static let takesPreviousActivation = true

    /// The side of a window, and its stride.
    public var size: Int

    public init(size: Int) { self.size = size }

    public init(arguments: [String]) throws(LayerSpecProblem) {
        guard arguments.count == 1, let size = Int(arguments[0]), size > 0 else {
            throw .badArguments(kind: Self.kindName, found: arguments, expected: Self.usage)
        }
        self.size = size
    }

    public var arguments: [String] { [String(size)] }

    /// Its only setting must fit the input, which `outputShape` checks.
    public func check() throws(LimitViolation) {}

    public func outputShape(for input: ActivationShape) -> ActivationShape? {
        guard size <= input.height, size <= input.width else { return nil }
        return ActivationShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }

    public func parameters(for input: ActivationShape) -> ParameterBlock? { nil }

    public func label(at place: LayerPlace) -> String { "max \(size)×\(size)" }

    /// The kernels' description of the layer at `place`.
    func shape(at place: LayerPlace) -> PoolShape {
        PoolShape(channels: place.input.channels, height: place.input.height, width: place.input.width, size: size)
    }

    func makeStage(at place: LayerPlace) -> any LayerStage { PoolStage(place: place, shape: shape(at: place)) }

    public func receptiveField(of unit: Int, parameters: TernaryLayer, at place: LayerPlace) -> [Int8]? { nil }

    public func exportLayers(_ parameters: TernaryLayer, at place: LayerPlace) -> [ExportLayer] {
        let pool = ExportLayer.maxPool(ExportPool(index: place.index, input: place.input, size: size))
        return place.hasActivation ? [pool, .layerNorm(epsilon: LayerNorm.epsilon), .relu] : [pool]
    }
}
