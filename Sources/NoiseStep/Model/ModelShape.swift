/// A model's architecture: the image it reads, its list of layers (`LayerKind`), each at
/// its place (`LayerPlace`: the shapes it takes and gives, where its parameters start),
/// and where every parameter sits in the flat parameter vector.
///
/// Flat order, layer by layer: each layer's `ParameterBlock` (its weights row-major, then
/// its bias); a layer without parameters takes no room. This is the order perturbation
/// positions index into and weights sections store. An MLP is a list of dense layers
/// (`init(hidden:)`), laid out exactly as before the layer list existed.
public struct ModelShape: Sendable {
    /// What the first layer reads, one example: 1 × 28 × 28 for MNIST.
    public let input: ActivationShape
    public let layers: [any LayerKind]
    /// Each layer at its place, in order.
    public let places: [LayerPlace]

    /// The model `layers` make of `input`.
    /// - Precondition: each layer takes the previous one's output (`Limits.shape` checks
    ///   a list from outside before building it).
    public init(input: ActivationShape, layers: [any LayerKind]) {
        precondition(!layers.isEmpty)
        var places: [LayerPlace] = [], shape = input, offset = 0
        for (index, layer) in layers.enumerated() {
            guard let output = layer.outputShape(for: shape) else { preconditionFailure("\(layer.spec) cannot take \(shape)") }
            let parameters = layer.parameters(for: shape)
            let isLast = index == layers.count - 1
            let handsOver = !isLast && type(of: layers[index + 1]).takesPreviousActivation
            places.append(LayerPlace(index: index, input: shape, output: output, parameters: parameters,
                                     parameterOffset: offset, isLast: isLast, hasActivation: !isLast && !handsOver))
            offset += parameters?.count ?? 0
            shape = output
        }
        self.input = input
        self.layers = layers
        self.places = places
    }

    /// Dense layers of these widths, input to output, e.g. [784, 256, 256, 10].
    public init(widths: [Int]) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 > 0 })
        let input = widths[0] == Dataset.pixelsPerImage ? ActivationShape.image : .vector(widths[0])
        self.init(input: input, layers: widths.dropFirst().map { DenseLayer(outputs: $0) })
    }

    /// The MLP 784 → hidden… → 10.
    public init(hidden: [Int]) {
        self.init(widths: [Dataset.pixelsPerImage] + hidden + [Dataset.classes])
    }

    public var layerCount: Int { layers.count }
    public var parameterCount: Int { places.last.map { $0.parameterOffset + $0.parameterCount } ?? 0 }
    /// Features in, then out of every layer: [784, 256, 256, 10] for the default MLP.
    public var widths: [Int] { [input.features] + places.map(\.output.features) }
    /// The hidden widths when every layer is dense (an MLP, written `hidden` in a header);
    /// nil for any other list.
    public var hidden: [Int]? {
        guard layers.allSatisfy({ $0 is DenseLayer }) else { return nil }
        return Array(widths.dropFirst().dropLast())
    }

    /// The layers as `--layers` takes them: "dense 256, dense 256, dense 10".
    public var spec: String { layers.map(\.spec).joined(separator: ", ") }

    /// The architecture in one line: an MLP as its widths, "784→256→256→10"; any other list
    /// as its layers, "image → conv 16 5 → … → dense 10".
    public var summary: String {
        hidden != nil ? widths.map(String.init).joined(separator: "→")
                      : (["image"] + layers.map(\.spec)).joined(separator: " → ")
    }

    /// Where flat parameter `index` lives.
    public func locate(_ index: Int) -> ParameterLocation {
        precondition(index >= 0 && index < parameterCount)
        var layer = 0
        while index >= places[layer].parameterOffset + places[layer].parameterCount { layer += 1 }
        let place = places[layer]
        guard let (isBias, row, column) = place.parameters?.locate(index - place.parameterOffset) else {
            preconditionFailure("a layer without parameters takes no room")
        }
        return ParameterLocation(layer: layer, isBias: isBias, row: row, column: column)
    }
}

extension ModelShape: Equatable {
    public static func == (lhs: ModelShape, rhs: ModelShape) -> Bool {
        lhs.input == rhs.input && lhs.layers.count == rhs.layers.count
            && zip(lhs.layers, rhs.layers).allSatisfy { $0.isSame(as: $1) }
    }
}
