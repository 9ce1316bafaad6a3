import NoiseStepKernels

/// A convolution's weights as its kernels read them: W [outputs, taps] for the forward
/// pass and Wᵀ [taps, outputs] for the deltas sent back (`Kernels.convolveBackward`), both
/// Float, and the bias; a scratch copy of the packed model rewritten only where a step
/// changed it.
// @unchecked: the buffers are raw storage, written by the owner between steps, read by workers.
final class ConvStage: LayerStage, @unchecked Sendable {
    let place: LayerPlace
    let shape: ConvolutionShape
    /// [outputs, taps] row-major.
    let matrix: FloatBuffer
    /// [taps, outputs] row-major (Wᵀ: [channels, kernel, kernel, outputs]).
    let transposed: FloatBuffer
    /// [outputs].
    let bias: FloatBuffer
    private var expanded: ExpandedParameters

    init(place: LayerPlace, shape: ConvolutionShape) {
        guard let parameters = place.parameters else { preconditionFailure("a convolution has parameters") }
        precondition(parameters.rows == shape.outputs && parameters.columns == shape.taps)
        self.place = place
        self.shape = shape
        matrix = FloatBuffer(count: parameters.weightCount)
        transposed = FloatBuffer(count: parameters.weightCount)
        bias = FloatBuffer(count: parameters.rows)
        expanded = ExpandedParameters(parameters)
    }

    func refresh(from parameters: TernaryLayer) {
        precondition(parameters.rows == shape.outputs && parameters.columns == shape.taps)
        expanded.refresh(from: parameters, matrix: matrix.pointer, transposed: .float(transposed.pointer),
                         bias: bias.pointer)
    }

    func makeWorker() -> any LayerWorker { ConvWorker(stage: self) }

    /// dW[r, t] over the batch (`Kernels.convolutionBatchWeightGradient`), and db[r] = each
    /// chunk's `Kernels.convolutionBiasGradient`, chunks in order.
    /// - inputs: [chunks][inputRows, 64] (the first layer's: the encoded pixels, level / divisor).
    func batchGradient(rows: Range<Int>, inputs: UnsafePointer<Float>, deltas: UnsafePointer<Float>, chunks: Int,
                       weights: UnsafeMutablePointer<Float>, biases: UnsafeMutablePointer<Float>) {
        Kernels.convolutionBatchWeightGradient(deltas: deltas, rows: rows, inputs: inputs, chunks: chunks, shape: shape,
                                               into: weights)
        let stride = shape.outputRows * Kernels.chunk
        for (slot, row) in rows.enumerated() {
            var sum: Float = 0
            for c in 0 ..< chunks { sum += Kernels.convolutionBiasGradient(delta: deltas + c * stride, output: row, shape: shape) }
            biases[slot] = sum
        }
    }
}
