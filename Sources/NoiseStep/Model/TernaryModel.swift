/// A ternary model: every weight and bias of every layer is −1, 0 or +1, with no scale
/// factor. What each layer computes is its kind's (`ModelShape.layers`): an MLP's hidden
/// dense layers are followed by layer normalization and ReLU, the last layer gives the
/// logits.
///
/// This is the whole persistent state of a model: 1.6 bits per parameter (five trits
/// per byte, see `TernaryMatrix`).
public struct TernaryModel: Sendable, Equatable {
    public let shape: ModelShape
    /// [layer]: each layer's parameters, empty for a layer without any.
    public internal(set) var layers: [TernaryLayer]

    /// An all-zero model.
    public init(shape: ModelShape) {
        self.shape = shape
        layers = shape.places.map { TernaryLayer($0.parameters) }
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

    /// The units of the first layer (its parameter rows: a dense layer's outputs).
    public var firstLayerUnits: Int { shape.places[0].parameters?.rows ?? 0 }

    /// Unit `unit`'s weights over the image, [height × width] row-major, when the first
    /// layer's kind pictures them (a dense first layer); nil otherwise.
    public func receptiveField(of unit: Int) -> [Int8]? {
        shape.layers[0].receptiveField(of: unit, parameters: layers[0], at: shape.places[0])
    }

    /// Fraction of all parameters that are 0, in [0, 1].
    public var sparsity: Double { LayerStats.sparsity(of: layerStats) }

    /// Per-layer zero counts.
    public var layerStats: [LayerStats] {
        zip(shape.layers, shape.places).compactMap { kind, place in
            guard place.parameters != nil else { return nil }
            let parameters = layers[place.index]
            return LayerStats(label: kind.label(at: place), parameters: parameters.parameterCount,
                              zeros: parameters.zeroCount)
        }
    }

    /// Every parameter in flat order, each in {−1, 0, +1}.
    public var flatParameters: [Int8] {
        var values = [Int8]()
        values.reserveCapacity(shape.parameterCount)
        for layer in layers {
            for row in 0 ..< layer.rows {
                for column in 0 ..< layer.columns { values.append(layer.weights[row, column]) }
            }
            for row in 0 ..< layer.rows { values.append(layer.bias[0, row]) }
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
            for row in 0 ..< layers[layer].rows {
                for column in 0 ..< layers[layer].columns {
                    layers[layer].weights[row, column] = values[index]
                    index += 1
                }
            }
            for row in 0 ..< layers[layer].rows {
                layers[layer].bias[0, row] = values[index]
                index += 1
            }
        }
    }
}
