import NoiseStepKernels

/// A dense layer's weights as its kernels read them, a scratch copy of the packed model
/// rewritten only where a step changed it, and the workers that run the layer.
///
/// The first layer, which reads the image's inked pixels, keeps W as 16-bit levels in
/// strips of 64 outputs (`Kernels.inputLayer`); every other layer keeps W [outputs,
/// inputs] and Wᵀ [inputs, outputs] as Float for the dense products both ways.
// @unchecked: the buffers are raw storage, written by the owner between steps, read by workers.
final class DenseStage: LayerStage, @unchecked Sendable {
    let place: LayerPlace
    let parameters: ParameterBlock
    /// [outputs, inputs] row-major; empty for the first layer.
    let matrix: FloatBuffer
    /// [inputs, outputs] row-major (Wᵀ); empty for the first layer.
    let transposed: FloatBuffer
    /// The first layer's W: [⌈outputs / 64⌉][inputs][64] (`Kernels.stripMajorCount`); empty otherwise.
    let stripMajor: KernelBuffer<Int16>
    /// [outputs].
    let bias: FloatBuffer
    /// What was expanded last, so that `refresh` rewrites only what changed.
    private var expanded: ExpandedParameters

    init(place: LayerPlace) {
        guard let parameters = place.parameters else { preconditionFailure("a dense layer has parameters") }
        self.place = place
        self.parameters = parameters
        let (rows, columns) = (parameters.rows, parameters.columns)
        let dense = place.isFirst ? 0 : rows * columns
        matrix = FloatBuffer(count: dense)
        transposed = FloatBuffer(count: dense)
        stripMajor = KernelBuffer(count: place.isFirst ? Kernels.stripMajorCount(inputs: columns, outputs: rows) : 0)
        bias = FloatBuffer(count: rows)
        expanded = ExpandedParameters(parameters)
    }

    func refresh(from parameters: TernaryLayer) {
        precondition(parameters.rows == self.parameters.rows && parameters.columns == self.parameters.columns)
        expanded.refresh(from: parameters, matrix: place.isFirst ? nil : matrix.pointer,
                         transposed: place.isFirst ? .stripMajorLevels(stripMajor.pointer) : .float(transposed.pointer),
                         bias: bias.pointer)
    }

    func makeWorker() -> any LayerWorker { DenseWorker(stage: self) }

    /// dW[r, j] = Σ_c Σ_b δ[c][r, b] · x[c][j, b] (`Kernels.batchWeightGradient`), and
    /// db[r] = Σ_c Σ_b δ[c][r, b] (each chunk's row sum, chunks in order).
    func batchGradient(rows: Range<Int>, inputs: UnsafePointer<Float>, deltas: UnsafePointer<Float>, chunks: Int,
                       weights: UnsafeMutablePointer<Float>, biases: UnsafeMutablePointer<Float>) {
        let outputs = parameters.rows, chunk = Kernels.chunk
        Kernels.batchWeightGradient(deltas: deltas, outputs: outputs, rows: rows, inputs: inputs,
                                    inputCount: parameters.columns, chunks: chunks, into: weights)
        for (slot, row) in rows.enumerated() {
            var sum: Float = 0
            for c in 0 ..< chunks { sum += Kernels.rowSum(deltas + (c * outputs + row) * chunk) }
            biases[slot] = sum
        }
    }
}
