/// The layer widths of an MLP and where each layer's parameters sit in the flat
/// parameter vector.
///
/// Flat order, layer by layer: the weights [outputs, inputs] row-major, then the bias
/// [outputs]. This is the order perturbation positions index into.
public struct ModelShape: Sendable, Equatable, Codable {
    /// Widths from input to output, e.g. [784, 256, 256, 10].
    public let widths: [Int]
    /// Flat offset of each layer's first weight; one extra entry holds the total.
    public let layerOffsets: [Int]

    public init(widths: [Int]) {
        precondition(widths.count >= 2 && widths.allSatisfy { $0 > 0 })
        self.widths = widths
        var offsets = [0]
        for layer in 0 ..< widths.count - 1 {
            offsets.append(offsets[layer] + widths[layer + 1] * (widths[layer] + 1))
        }
        layerOffsets = offsets
    }

    /// The MNIST shape 784 → hidden… → 10.
    public init(hidden: [Int]) {
        self.init(widths: [Dataset.pixelsPerImage] + hidden + [Dataset.classes])
    }

    public var layerCount: Int { widths.count - 1 }
    public var parameterCount: Int { layerOffsets[layerCount] }
    public func inputs(of layer: Int) -> Int { widths[layer] }
    public func outputs(of layer: Int) -> Int { widths[layer + 1] }

    /// Where flat parameter `index` lives.
    public func locate(_ index: Int) -> ParameterLocation {
        precondition(index >= 0 && index < parameterCount)
        var layer = 0
        while layerOffsets[layer + 1] <= index { layer += 1 }
        let local = index - layerOffsets[layer]
        let weights = outputs(of: layer) * inputs(of: layer)
        if local < weights {
            return ParameterLocation(layer: layer, isBias: false, row: local / inputs(of: layer),
                                     column: local % inputs(of: layer))
        }
        return ParameterLocation(layer: layer, isBias: true, row: local - weights, column: 0)
    }
}
