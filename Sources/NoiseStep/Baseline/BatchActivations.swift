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
        inputs = shape.places.map { FloatBuffer(count: chunks * $0.input.features * Kernels.chunk) }
        deltas = shape.places.map { FloatBuffer(count: chunks * $0.output.features * Kernels.chunk) }
    }

    /// Copies the workspace's layer inputs and deltas into slot `chunk`.
    /// Call after `forward`, `softmaxCrossEntropy` and `backwardDeltas`.
    func store(_ workspace: ChunkWorkspace, chunk: Int) {
        precondition(chunk >= 0 && chunk < chunks)
        for place in shape.places {
            let inputCount = place.input.features * Kernels.chunk, outputCount = place.output.features * Kernels.chunk
            (inputs[place.index].pointer + chunk * inputCount).update(from: workspace.input(of: place.index).values,
                                                                     count: inputCount)
            (deltas[place.index].pointer + chunk * outputCount).update(from: workspace.workers[place.index].delta,
                                                                      count: outputCount)
        }
    }

    /// Writes the batch gradient of parameter rows `rows` of `layer` (at most four) into
    /// `weights` ([rows.count, columns]) and of their biases into `biases` ([rows.count]),
    /// as the layer's kind computes it (`LayerStage.batchGradient`).
    func gradient(_ stage: any LayerStage, rows: Range<Int>, weights: UnsafeMutablePointer<Float>,
                  biases: UnsafeMutablePointer<Float>) {
        let layer = stage.place.index
        stage.batchGradient(rows: rows, inputs: inputs[layer].pointer, deltas: deltas[layer].pointer, chunks: chunks,
                            weights: weights, biases: biases)
    }
}
