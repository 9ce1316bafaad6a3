/// Writes an `ExportModel` as a self-contained ONNX model (opset 17): input `pixels`,
/// float32 [N, 784] raw pixel values 0…255; output `logits`, float32 [N, 10], the logits
/// divided by the training temperature.
///
/// Ternary parameters are stored as int8 initializers, each turned into float by a Cast,
/// which onnxruntime folds into a float constant when it loads the model (it keeps a
/// DequantizeLinear, which then costs every run). The first dense layer multiplies the
/// pixel levels (the raw values for grey input, 1 where a pixel is inked for binary) and
/// divides the sums by the encoding's divisor before adding its bias: those sums are
/// integers below 2^24, so they are exact in float32 in any order, and the layer's result
/// is bit for bit the engine's (`Kernels.inputLayer`).
enum ONNXExport {
    static let inputName = "pixels"
    static let outputName = "logits"

    static func bytes(of model: ExportModel) -> [UInt8] {
        var graph = ONNXGraph()
        var flow = Flow(value: encodedInput(model, into: &graph), shape: .image, isSpatial: false)
        if !model.firstLayerReadsLevels, model.inputDivisor != 1 {
            graph.constant("input.divisor", dims: [], float: [model.inputDivisor])
            graph.node("Div", [flow.value, "input.divisor"], "input.values", name: "input.values")
            flow.value = "input.values"
        }
        var block = 0
        for layer in model.layers {
            block = layer.index ?? block
            flow = add(layer, block: block, flow, model: model, into: &graph)
        }
        graph.constant("temperature", dims: [], float: [Float(model.temperature)])
        graph.node("Div", [flow.value, "temperature"], outputName, name: "temperature")
        return graph.model(name: "noisestep", input: inputName, inputWidth: model.inputWidth, output: outputName,
                           outputWidth: model.classes, metadata: model.metadata,
                           producerVersion: model.provenance.producer,
                           documentation: "A ternary network trained by \(model.provenance.producer): "
                               + model.architecture)
    }

    /// Where the values stand between two layers: the name of the tensor, its shape per
    /// example, and whether it is laid out [N, channels, height, width] (else [N, features]).
    struct Flow {
        var value: String
        var shape: ActivationShape
        var isSpatial: Bool
    }

    /// The pixel levels the first dense layer multiplies: the pixels themselves for grey
    /// input, 1 where a pixel is above 0 for binary.
    private static func encodedInput(_ model: ExportModel, into graph: inout ONNXGraph) -> String {
        switch model.encoding {
        case .gray:
            return inputName
        case .binary:
            graph.constant("zero", dims: [], float: [0])
            graph.node("Greater", [inputName, "zero"], "inked", name: "input.inked")
            graph.node("Cast", ["inked"], "levels", name: "input.levels",
                       attributes: [.integer("to", ONNXGraph.ElementType.float.rawValue)])
            return "levels"
        }
    }

    /// Appends the nodes of `layer` after `flow`; returns where the values stand after it.
    /// Nodes are named after the layer they belong to or follow (`block`): layers.0.conv,
    /// layers.1.max_pool, layers.1.layer_norm, layers.1.relu, layers.2.dense…
    private static func add(_ layer: ExportLayer, block: Int, _ flow: Flow, model: ExportModel,
                            into graph: inout ONNXGraph) -> Flow {
        let divisor = block == 0 ? model.inputDivisor : 1
        switch layer {
        case .dense(let dense):
            let input = flow.isSpatial ? flatten(flow.value, block: block, into: &graph) : flow.value
            return Flow(value: addDense(dense, input: input, divisor: divisor, into: &graph),
                        shape: .vector(dense.outputs), isSpatial: false)
        case .conv(let conv):
            let input = spatial(flow, block: block, into: &graph)
            return Flow(value: addConv(conv, input: input, divisor: divisor, into: &graph), shape: conv.output,
                        isSpatial: true)
        case .maxPool(let pool):
            let input = spatial(flow, block: block, into: &graph), name = "layers.\(block).max_pool"
            let window: [Int64] = [Int64(pool.size), Int64(pool.size)]
            graph.node("MaxPool", [input], name, name: name,
                       attributes: [.integers("kernel_shape", window), .integers("strides", window)])
            return Flow(value: name, shape: pool.output, isSpatial: true)
        case .layerNorm(let epsilon):
            let name = "layers.\(block).layer_norm", scale = "\(name).scale", shape = flow.shape
            let dims = flow.isSpatial ? [shape.channels, shape.height, shape.width] : [shape.features]
            graph.constant(scale, dims: dims, float: [Float](repeating: 1, count: shape.features))
            graph.node("LayerNormalization", [flow.value, scale], name, name: name,
                       attributes: [.integer("axis", flow.isSpatial ? 1 : -1), .float("epsilon", epsilon)])
            return Flow(value: name, shape: shape, isSpatial: flow.isSpatial)
        case .relu:
            let name = "layers.\(block).relu"
            graph.node("Relu", [flow.value], name, name: name)
            return Flow(value: name, shape: flow.shape, isSpatial: flow.isSpatial)
        }
    }

    /// `flow`'s values as [N, channels, height, width]: reshaped when they are [N, features].
    private static func spatial(_ flow: Flow, block: Int, into graph: inout ONNXGraph) -> String {
        guard !flow.isSpatial else { return flow.value }
        let name = "layers.\(block).image", shape = flow.shape
        graph.constant("\(name).shape", dims: [4], int64: [-1, Int64(shape.channels), Int64(shape.height), Int64(shape.width)])
        graph.node("Reshape", [flow.value, "\(name).shape"], name, name: name)
        return name
    }

    /// [N, channels, height, width] as [N, features], features in (channel, row, column) order.
    private static func flatten(_ value: String, block: Int, into graph: inout ONNXGraph) -> String {
        let name = "layers.\(block).flat"
        graph.node("Flatten", [value], name, name: name, attributes: [.integer("axis", 1)])
        return name
    }

    /// A stride-1 convolution without padding (÷ divisor, then + b when it has one), with
    /// W and b stored as int8.
    private static func addConv(_ conv: ExportConv, input: String, divisor: Float, into graph: inout ONNXGraph) -> String {
        let name = "layers.\(conv.index).conv"
        let kernel: [Int64] = [Int64(conv.kernel), Int64(conv.kernel)]
        let tensors = ExportLayer.conv(conv).tensors
        let weight = asFloat(tensors[0], into: &graph)
        guard divisor != 1 else {
            graph.node("Conv", [input, weight, asFloat(tensors[1], into: &graph)], name, name: name,
                       attributes: [.integers("kernel_shape", kernel)])
            return name
        }
        // The bias as [outputs, 1, 1], added to every position after the division.
        var bias = tensors[1]
        bias.shape = [conv.outputs, 1, 1]
        graph.node("Conv", [input, weight], "\(name).sums", name: "\(name).sums", attributes: [.integers("kernel_shape", kernel)])
        graph.constant("\(name).divisor", dims: [], float: [divisor])
        graph.node("Div", ["\(name).sums", "\(name).divisor"], "\(name).scaled", name: "\(name).scaled")
        graph.node("Add", ["\(name).scaled", asFloat(bias, into: &graph)], name, name: name)
        return name
    }

    /// y = x · Wᵀ (÷ divisor) + b, with W and b stored as int8.
    private static func addDense(_ dense: ExportDense, input: String, divisor: Float,
                                 into graph: inout ONNXGraph) -> String {
        let name = "layers.\(dense.index).dense"
        let parameters = ExportLayer.dense(dense).tensors.map { asFloat($0, into: &graph) }
        let (weight, bias) = (parameters[0], parameters[1])
        guard divisor != 1 else {
            graph.node("Gemm", [input, weight, bias], name, name: name, attributes: [.integer("transB", 1)])
            return name
        }
        graph.node("Gemm", [input, weight], "\(name).sums", name: "\(name).sums", attributes: [.integer("transB", 1)])
        graph.constant("\(name).divisor", dims: [], float: [divisor])
        graph.node("Div", ["\(name).sums", "\(name).divisor"], "\(name).scaled", name: "\(name).scaled")
        graph.node("Add", ["\(name).scaled", bias], name, name: name)
        return name
    }

    /// `tensor` as an int8 initializer, and the float tensor a Cast makes of it.
    private static func asFloat(_ tensor: ExportTensor, into graph: inout ONNXGraph) -> String {
        let name = tensor.name
        graph.constant(name, dims: tensor.shape, int8: tensor.values)
        graph.node("Cast", [name], "\(name).float", name: "\(name).float",
                   attributes: [.integer("to", ONNXGraph.ElementType.float.rawValue)])
        return "\(name).float"
    }
}
