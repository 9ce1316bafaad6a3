/// A ternary MLP: every weight and bias is −1, 0 or +1, with no scale factor. Hidden
/// layers are followed by layer normalization (no learned parameters, eps 1e-5) and ReLU;
/// the last layer gives the logits.
///
/// This is the whole persistent state of a model: 1.6 bits per parameter (five trits
/// per byte, see `TernaryMatrix`).
public struct TernaryModel: Sendable, Equatable {
    public let shape: ModelShape
    public internal(set) var layers: [TernaryLayer]

    /// An all-zero model.
    public init(shape: ModelShape) {
        self.shape = shape
        layers = (0 ..< shape.layerCount).map { TernaryLayer(inputs: shape.inputs(of: $0), outputs: shape.outputs(of: $0)) }
    }

    /// Each parameter uniform over {−1, 0, +1}, drawn from `seed` in flat parameter order.
    public init(shape: ModelShape, seed: UInt64) {
        self.init(shape: shape)
        var random = RandomStream(seed: seed, purpose: .initialWeights)
        for index in 0 ..< shape.parameterCount {
            self[parameter: index] = Int8(random.next(below: 3) - 1)
        }
    }

    /// The parameter at flat position `index` (see `ModelShape`).
    public subscript(parameter index: Int) -> Int8 {
        get {
            let place = shape.locate(index)
            return place.isBias ? layers[place.layer].bias[0, place.row]
                                : layers[place.layer].weights[place.row, place.column]
        }
        set {
            let place = shape.locate(index)
            if place.isBias {
                layers[place.layer].bias[0, place.row] = newValue
            } else {
                layers[place.layer].weights[place.row, place.column] = newValue
            }
        }
    }

    /// Bytes of the packed model: five trits per byte, per weight matrix and bias.
    public var packedBytes: Int {
        layers.reduce(0) { $0 + $1.weights.packed.count + $1.bias.packed.count }
    }

    /// Fraction of all parameters that are 0, in [0, 1].
    public var sparsity: Double { LayerStats.sparsity(of: layerStats) }

    /// Per-layer zero counts.
    public var layerStats: [LayerStats] {
        layers.map { LayerStats(inputs: $0.inputs, outputs: $0.outputs, parameters: $0.parameterCount, zeros: $0.zeroCount) }
    }

    /// Every parameter in flat order, each in {−1, 0, +1}.
    public var flatParameters: [Int8] {
        var values = [Int8]()
        values.reserveCapacity(shape.parameterCount)
        for layer in layers {
            for row in 0 ..< layer.outputs {
                for column in 0 ..< layer.inputs { values.append(layer.weights[row, column]) }
            }
            for row in 0 ..< layer.outputs { values.append(layer.bias[0, row]) }
        }
        return values
    }

    /// Builds a model from values in flat order.
    /// - Precondition: `values.count == shape.parameterCount`, each in {−1, 0, +1}.
    public init(shape: ModelShape, flatParameters values: [Int8]) {
        precondition(values.count == shape.parameterCount)
        self.init(shape: shape)
        var index = 0
        for layer in layers.indices {
            for row in 0 ..< layers[layer].outputs {
                for column in 0 ..< layers[layer].inputs {
                    layers[layer].weights[row, column] = values[index]
                    index += 1
                }
            }
            for row in 0 ..< layers[layer].outputs {
                layers[layer].bias[0, row] = values[index]
                index += 1
            }
        }
    }
}
