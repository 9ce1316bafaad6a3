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
        var value = encodedInput(model, into: &graph)
        var width = model.inputWidth, block = 0
        for layer in model.layers {
            if case .dense(let dense) = layer { block = dense.index }
            value = add(layer, block: block, input: value, width: width, model: model, into: &graph)
            width = layer.outputs(after: width)
        }
        graph.constant("temperature", dims: [], float: [Float(model.temperature)])
        graph.node("Div", [value, "temperature"], outputName, name: "temperature")
        return graph.model(name: "noisestep", input: inputName, inputWidth: model.inputWidth, output: outputName,
                           outputWidth: model.classes, metadata: model.metadata,
                           producerVersion: model.provenance.producer,
                           documentation: "A ternary network trained by \(model.provenance.producer): "
                               + model.architecture)
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

    /// Appends the nodes of `layer` reading `input`, which has `width` features; returns
    /// the name of its output. Nodes are named after the dense layer they follow
    /// (`block`): layers.0.dense, layers.0.layer_norm, layers.0.relu, layers.1.dense…
    private static func add(_ layer: ExportLayer, block: Int, input: String, width: Int, model: ExportModel,
                            into graph: inout ONNXGraph) -> String {
        switch layer {
        case .dense(let dense):
            return addDense(dense, input: input, divisor: dense.index == 0 ? model.inputDivisor : 1, into: &graph)
        case .layerNorm(let epsilon):
            let name = "layers.\(block).layer_norm", scale = "\(name).scale"
            graph.constant(scale, dims: [width], float: [Float](repeating: 1, count: width))
            graph.node("LayerNormalization", [input, scale], name, name: name,
                       attributes: [.integer("axis", -1), .float("epsilon", epsilon)])
            return name
        case .relu:
            let name = "layers.\(block).relu"
            graph.node("Relu", [input], name, name: name)
            return name
        }
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
