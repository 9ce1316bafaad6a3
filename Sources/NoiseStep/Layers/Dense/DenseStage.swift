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
    /// The packed bytes of W and of b as last expanded; `Kernels.unwrittenByte` at first.
    private var expandedWeightBytes: [UInt8]
    private var expandedBiasBytes: [UInt8]
    /// [256 · 5]: the five Floats of each packed byte, one table for every stage.
    private let tritTable = DenseStage.tritTable
    private static let tritTable: FloatBuffer = {
        let table = FloatBuffer(count: TritCodec.floatTable.count)
        table.pointer.update(from: TritCodec.floatTable, count: TritCodec.floatTable.count)
        return table
    }()

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
        expandedWeightBytes = Array(repeating: Kernels.unwrittenByte, count: TritCodec.packedCount(rows * columns))
        expandedBiasBytes = Array(repeating: Kernels.unwrittenByte, count: TritCodec.packedCount(rows))
    }

    func refresh(from parameters: TernaryLayer) {
        precondition(parameters.rows == self.parameters.rows && parameters.columns == self.parameters.columns)
        expand(parameters.weights, previous: &expandedWeightBytes, matrix: place.isFirst ? nil : matrix.pointer,
               transposed: place.isFirst ? .stripMajorLevels(stripMajor.pointer) : .float(transposed.pointer))
        expand(parameters.bias, previous: &expandedBiasBytes, matrix: bias.pointer, transposed: .none)
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
