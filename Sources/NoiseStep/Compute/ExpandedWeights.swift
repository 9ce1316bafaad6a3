import NoiseStepKernels

/// The model's ternary parameters written out for the kernels: Float for the dense
/// products, 16-bit integers for the input layer. A scratch copy: it holds nothing the
/// packed model does not, and is not training state.
///
/// `refresh` rewrites only the packed bytes that changed since the last refresh (it keeps
/// a copy of the bytes it expanded), so a step that moves a few dozen parameters costs a
/// compare of the packed model instead of a rewrite of every float.
// @unchecked: FloatBuffers are raw storage; written by the owner between steps, read by workers.
final class ExpandedWeights: @unchecked Sendable {
    let shape: ModelShape
    /// [layer] → [outputs, inputs] row-major; layer 0 is left empty (`inputLayer` instead).
    let matrices: [FloatBuffer]
    /// [layer] → [inputs, outputs] row-major (Wᵀ); layer 0 is left empty.
    let transposed: [FloatBuffer]
    /// Layer 0's weights as the input layer reads them: 16-bit, strip-major,
    /// [⌈outputs / 64⌉][inputs][64] (`Kernels.stripMajorCount`).
    let inputLayer: KernelBuffer<Int16>
    /// [layer] → [outputs].
    let biases: [FloatBuffer]
    /// [layer] → the packed bytes of the weights and of the bias as last expanded;
    /// `Kernels.unwrittenByte` before the first refresh.
    private var expandedWeightBytes: [[UInt8]]
    private var expandedBiasBytes: [[UInt8]]
    /// [256 · 5]: the five Floats of each packed byte.
    private let tritTable: FloatBuffer

    init(shape: ModelShape) {
        self.shape = shape
        let layers = 0 ..< shape.layerCount
        matrices = layers.map { FloatBuffer(count: $0 == 0 ? 0 : shape.inputs(of: $0) * shape.outputs(of: $0)) }
        transposed = layers.map { FloatBuffer(count: $0 == 0 ? 0 : shape.inputs(of: $0) * shape.outputs(of: $0)) }
        inputLayer = KernelBuffer(count: Kernels.stripMajorCount(inputs: shape.inputs(of: 0), outputs: shape.outputs(of: 0)))
        biases = layers.map { FloatBuffer(count: shape.outputs(of: $0)) }
        func unwritten(_ entries: Int) -> [UInt8] {
            Array(repeating: Kernels.unwrittenByte, count: (entries + Kernels.tritsPerByte - 1) / Kernels.tritsPerByte)
        }
        expandedWeightBytes = layers.map { unwritten(shape.inputs(of: $0) * shape.outputs(of: $0)) }
        expandedBiasBytes = layers.map { unwritten(shape.outputs(of: $0)) }
        tritTable = FloatBuffer(count: Self.tritTable.count)
        tritTable.pointer.update(from: Self.tritTable, count: Self.tritTable.count)
    }

    /// [256 · 5]: the five Floats of each packed byte, in `TritCodec`'s digit order.
    static let tritTable: [Float] = TritCodec.floats.flatMap { $0 }

    /// Makes the Float forms equal `model`'s parameters.
    /// - Precondition: `model.shape == shape`.
    func refresh(from model: TernaryModel) {
        precondition(model.shape == shape)
        for (index, layer) in model.layers.enumerated() {
            expand(layer.weights, previous: &expandedWeightBytes[index], matrix: index > 0 ? matrices[index].pointer : nil,
                   transposed: index > 0 ? .float(transposed[index].pointer) : .stripMajorLevels(inputLayer.pointer))
            expand(layer.bias, previous: &expandedBiasBytes[index], matrix: biases[index].pointer, transposed: .none)
        }
    }

    private func expand(_ source: TernaryMatrix, previous: inout [UInt8], matrix: UnsafeMutablePointer<Float>?,
                        transposed: Kernels.TransposedForm) {
        precondition(previous.count == source.packed.count)
        source.packed.withUnsafeBufferPointer { packed in
            previous.withUnsafeMutableBufferPointer { previous in
                _ = Kernels.expandChangedTrits(packed.baseAddress!, previous: previous.baseAddress!, rows: source.rows,
                                               columns: source.columns, table: tritTable.pointer, matrix: matrix,
                                               transposed: transposed)
            }
        }
    }
}
