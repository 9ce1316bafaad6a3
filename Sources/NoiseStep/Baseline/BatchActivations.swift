import NoiseStepKernels

/// The layer inputs and deltas of every chunk of one batch, kept after the chunks' forward
/// and backward passes so that each weight's gradient can then be summed over the whole
/// batch by one worker, in one fixed order.
///
/// This is what makes the Adam baseline's gradient bit-identical for any thread count
/// without a partial gradient per chunk: chunk c writes only slot c, and the row-wise
/// gradient kernel reads the slots in chunk order. Scratch, overwritten every step:
/// batch × (Σ inputs + Σ outputs) floats, about 7.4 MB for 784→256→256→10 at batch 1024.
// @unchecked: FloatBuffers are raw storage; chunk c writes only slot c, then workers read disjoint rows.
final class BatchActivations: @unchecked Sendable {
    let shape: ModelShape
    let chunks: Int
    /// [layer] → [chunks][inputs, 64]: the input of the layer (pixels or rectified).
    let inputs: [FloatBuffer]
    /// [layer] → [chunks][outputs, 64]: ∂(Σ_b loss_b)/∂z of the layer, 0 in padding columns.
    let deltas: [FloatBuffer]

    init(shape: ModelShape, batch: Int) {
        self.shape = shape
        chunks = BatchRunner.chunks(covering: batch)
        let chunks = self.chunks
        inputs = (0 ..< shape.layerCount).map { FloatBuffer(count: chunks * shape.inputs(of: $0) * Kernels.chunk) }
        deltas = (0 ..< shape.layerCount).map { FloatBuffer(count: chunks * shape.outputs(of: $0) * Kernels.chunk) }
    }

    /// Copies the workspace's layer inputs and deltas into slot `chunk`.
    /// Call after `forward`, `softmaxCrossEntropy` and `backwardDeltas`.
    func store(_ workspace: ChunkWorkspace, chunk: Int) {
        precondition(chunk >= 0 && chunk < chunks)
        for layer in 0 ..< shape.layerCount {
            let inputCount = shape.inputs(of: layer) * Kernels.chunk
            let outputCount = shape.outputs(of: layer) * Kernels.chunk
            (inputs[layer].pointer + chunk * inputCount).update(from: workspace.layerInput(layer), count: inputCount)
            (deltas[layer].pointer + chunk * outputCount).update(from: workspace.delta[layer].pointer, count: outputCount)
        }
    }

    /// Writes the batch gradient of weight rows `rows` of `layer` (at most four) into
    /// `weights` ([rows.count, inputs]) and of their biases into `biases` ([rows.count]).
    func gradient(layer: Int, rows: Range<Int>, weights: UnsafeMutablePointer<Float>,
                  biases: UnsafeMutablePointer<Float>) {
        let outputs = shape.outputs(of: layer), inputCount = shape.inputs(of: layer), chunk = Kernels.chunk
        Kernels.batchWeightGradient(deltas: deltas[layer].pointer, outputs: outputs, rows: rows,
                                    inputs: inputs[layer].pointer, inputCount: inputCount, chunks: chunks,
                                    into: weights)
        for (slot, row) in rows.enumerated() {
            var sum: Float = 0
            for c in 0 ..< chunks { sum += Kernels.rowSum(deltas[layer].pointer + (c * outputs + row) * chunk) }
            biases[slot] = sum
        }
    }
}
