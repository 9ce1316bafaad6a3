/// The model's ternary parameters written out as Float for the dense kernels, rebuilt
/// from the packed weights at the start of every step. A scratch copy: it holds nothing
/// the packed model does not, and is not training state.
final class ExpandedWeights: @unchecked Sendable {
    let shape: ModelShape
    /// [layer] → [outputs, inputs] row-major; layer 0 is left empty (the input layer
    /// uses the transposed form only).
    let matrices: [FloatBuffer]
    /// [layer] → [inputs, outputs] row-major.
    let transposed: [FloatBuffer]
    /// [layer] → [outputs].
    let biases: [FloatBuffer]

    init(shape: ModelShape) {
        self.shape = shape
        matrices = (0 ..< shape.layerCount).map {
            FloatBuffer(count: $0 == 0 ? 0 : shape.inputs(of: $0) * shape.outputs(of: $0))
        }
        transposed = (0 ..< shape.layerCount).map { FloatBuffer(count: shape.inputs(of: $0) * shape.outputs(of: $0)) }
        biases = (0 ..< shape.layerCount).map { FloatBuffer(count: shape.outputs(of: $0)) }
    }

    func refresh(from model: TernaryModel) {
        precondition(model.shape == shape)
        for (index, layer) in model.layers.enumerated() {
            if index > 0 { layer.weights.expand(into: matrices[index].pointer) }
            layer.weights.expandTransposed(into: transposed[index].pointer)
            layer.bias.expand(into: biases[index].pointer)
        }
    }
}
