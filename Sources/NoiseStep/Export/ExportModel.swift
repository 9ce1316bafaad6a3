import NoiseStepKernels

/// A trained model described for the world outside noisestep: what its input is, its
/// layers in order, and where it came from. Every export format writes this value, so a
/// new layer kind becomes exportable by adding an `ExportLayer` case and teaching each
/// format that one case.
///
/// The description computes what `Evaluation` computes: raw pixel values 0…255 in, the
/// input encoding folded into the first dense layer (integer levels summed exactly, then
/// divided once by `inputDivisor`), and logits divided by the training temperature out.
public struct ExportModel: Sendable, Equatable {
    /// Values per image: 784 pixels, 28 × 28 row-major.
    public var inputWidth: Int
    public var encoding: InputEncoding
    /// The layers from input to logits.
    public var layers: [ExportLayer]
    /// The logits are divided by this: softmax of the output is the distribution the
    /// model was trained to give (and the dashboard's pad shows).
    public var temperature: Double
    public var provenance: ExportProvenance

    /// The model of a step log or model file, as `Evaluation` runs it: each layer as its
    /// kind exports it (`LayerKind.exportLayers`: a hidden dense layer is followed by layer
    /// normalization and ReLU, the last one gives the logits).
    public init(model: TernaryModel, options: TrainingOptions, provenance: ExportProvenance) {
        inputWidth = model.shape.input.features
        encoding = options.input
        temperature = options.temperature
        self.provenance = provenance
        layers = zip(model.shape.layers, model.shape.places).flatMap { kind, place in
            kind.exportLayers(model.layers[place.index], at: place)
        }
    }

    /// Width of the output: the last dense layer's outputs.
    public var classes: Int {
        layers.reduce(inputWidth) { width, layer in layer.outputs(after: width) }
    }

    /// The integer level of a pixel is divided by this after the first dense layer's
    /// exact sums: 255 for grey input (pixel / 255), 1 for binary (pixel > 0).
    public var inputDivisor: Float { encoding.divisor }

    /// Whether the first layer sums the pixels' integer levels and divides them itself (a
    /// dense or convolution layer does); any other first layer reads level / divisor.
    var firstLayerReadsLevels: Bool {
        switch layers.first {
        case .dense, .conv: true
        default: false
        }
    }

    /// The layers in one line, e.g. "784 dense(256) layer_norm relu dense(10)".
    public var architecture: String {
        ([String(inputWidth)] + layers.map(\.summary)).joined(separator: " ")
    }
}

/// One layer of an exported model, in the order the input flows through them.
public enum ExportLayer: Sendable, Equatable {
    /// y = x · weightᵀ + bias, ternary parameters.
    case dense(ExportDense)
    /// y[o] = bias[o] + Σ weight[o, c, ky, kx] · x[c, y + ky, x + kx], ternary parameters.
    case conv(ExportConv)
    /// The largest value of each window of each channel.
    case maxPool(ExportPool)
    /// (x − mean) / sqrt(variance + epsilon) over each example's features; no learned
    /// scale or shift.
    case layerNorm(epsilon: Float)
    /// max(x, 0).
    case relu

    /// The index of the layer in the model's list, for the layers that carry one (the
    /// layer norm and ReLU that follow a layer are named after it).
    var index: Int? {
        switch self {
        case .dense(let dense): dense.index
        case .conv(let conv): conv.index
        case .maxPool(let pool): pool.index
        case .layerNorm, .relu: nil
        }
    }

    /// How the layer is named in an architecture line.
    var summary: String {
        switch self {
        case .dense(let dense): "dense(\(dense.outputs))"
        case .conv(let conv): "conv(\(conv.outputs),\(conv.kernel)x\(conv.kernel))"
        case .maxPool(let pool): "max_pool(\(pool.size)x\(pool.size))"
        case .layerNorm: "layer_norm"
        case .relu: "relu"
        }
    }

    /// Features out of the layer, given `width` in.
    func outputs(after width: Int) -> Int {
        switch self {
        case .dense(let dense): dense.outputs
        case .conv(let conv): conv.output.features
        case .maxPool(let pool): pool.output.features
        case .layerNorm, .relu: width
        }
    }

    /// The layer's ternary parameters as named tensors, in the order formats store them.
    public var tensors: [ExportTensor] {
        switch self {
        case .dense(let dense):
            [ExportTensor(name: dense.weightName, shape: [dense.outputs, dense.inputs], values: dense.weight),
             ExportTensor(name: dense.biasName, shape: [dense.outputs], values: dense.bias)]
        case .conv(let conv):
            [ExportTensor(name: conv.weightName, shape: [conv.outputs, conv.input.channels, conv.kernel, conv.kernel],
                          values: conv.weight),
             ExportTensor(name: conv.biasName, shape: [conv.outputs], values: conv.bias)]
        case .maxPool, .layerNorm, .relu:
            []
        }
    }
}

/// One named tensor of ternary parameters.
public struct ExportTensor: Sendable, Equatable {
    /// e.g. "layers.0.dense.weight".
    public var name: String
    public var shape: [Int]
    /// Row-major, each −1, 0 or +1.
    public var values: [Int8]
}

/// A dense layer's ternary parameters, as exporters store them.
public struct ExportDense: Sendable, Equatable {
    /// Which dense layer it is, from 0: tensors are named `layers.<index>.dense.weight`.
    public var index: Int
    public var inputs: Int
    public var outputs: Int
    /// [outputs, inputs] row-major, each −1, 0 or +1.
    public var weight: [Int8]
    /// [outputs], each −1, 0 or +1.
    public var bias: [Int8]

    init(index: Int, layer: TernaryLayer) {
        self.index = index
        inputs = layer.columns
        outputs = layer.rows
        weight = (0 ..< layer.weights.count).map { layer.weights[flat: $0] }
        bias = (0 ..< layer.bias.count).map { layer.bias[flat: $0] }
    }

    /// The tensor names of this layer's parameters.
    public var weightName: String { "layers.\(index).dense.weight" }
    public var biasName: String { "layers.\(index).dense.bias" }
}

/// Where an exported model came from, for the exports' metadata.
public struct ExportProvenance: Sendable, Equatable {
    public var optimizer: Optimizer
    public var seed: UInt64
    /// The weights are those after this many steps.
    public var step: Int
    /// The training data, when the file recorded it.
    public var dataFingerprint: DataFingerprint?
    /// The program that wrote the export, e.g. "noisestep 0.1.0".
    public var producer: String

    public init(optimizer: Optimizer, seed: UInt64, step: Int, dataFingerprint: DataFingerprint?, producer: String) {
        self.optimizer = optimizer
        self.seed = seed
        self.step = step
        self.dataFingerprint = dataFingerprint
        self.producer = producer
    }
}
