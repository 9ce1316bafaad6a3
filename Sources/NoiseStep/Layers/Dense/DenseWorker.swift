import NoiseStepKernels

/// One worker's buffers for a dense layer and its passes over a chunk: z = W·x + b, then
/// layer norm and ReLU unless it is the last layer; δ back through them; Wᵀ·δ to the
/// layer before.
final class DenseWorker: LayerWorker {
    let stage: DenseStage
    var place: LayerPlace { stage.place }
    var outputs: Int { stage.parameters.rows }
    var inputs: Int { stage.parameters.columns }
    /// z, [outputs, 64]: the logits for the last layer.
    let z: FloatBuffer
    /// Layer norm and ReLU, or none for the last layer (`LayerPlace.hasActivation`).
    let activation: LayerActivation
    /// δ = ∂(Σ_b loss_b)/∂z, [outputs, 64].
    let deltas: FloatBuffer
    /// Forward mode: W · (the previous layer's normalized z > 0), [outputs, 64], made once
    /// per chunk when first needed; empty for the first layer.
    let maskProduct: FloatBuffer
    var maskProductReady = false
    /// The first layer's integer partial sums.
    let inputScratch: InputLayerScratch?

    init(stage: DenseStage) {
        self.stage = stage
        let rows = stage.parameters.rows * Kernels.chunk
        z = FloatBuffer(count: rows)
        activation = LayerActivation(rows: stage.parameters.rows, isActive: stage.place.hasActivation)
        deltas = FloatBuffer(count: rows)
        maskProduct = FloatBuffer(count: stage.place.isFirst ? 0 : rows)
        inputScratch = stage.place.isFirst ? InputLayerScratch() : nil
    }

    var output: UnsafeMutablePointer<Float> { activation.output(of: z.pointer) }
    var delta: UnsafeMutablePointer<Float> { deltas.pointer }

    func forward(_ input: LayerInput) {
        if let ink = input.ink, let inputScratch {
            Kernels.inputLayer(stripMajorWeights: stage.stripMajor.pointer, inputs: inputs, outputs: outputs,
                               ink: ink.lists, unitLevels: ink.unitLevels, divisor: ink.divisor,
                               bias: stage.bias.pointer, scratch: inputScratch, into: z.pointer)
        } else {
            precondition(!place.isFirst, "the first layer reads the chunk's ink")
            Kernels.multiply(stage.matrix.pointer, rows: outputs, inner: inputs, input.values, bias: stage.bias.pointer,
                             into: z.pointer)
        }
        activation.forward(z.pointer)
        maskProductReady = false
    }

    /// δ = LN'ᵀ(mask ⊙ ∂L/∂a) for a hidden layer; ∂L/∂z itself for the last.
    func takeGradient(_ outputGradient: UnsafePointer<Float>) { activation.gradient(outputGradient, into: deltas.pointer) }

    func sendGradientBack(into out: UnsafeMutablePointer<Float>) {
        precondition(!place.isFirst, "the first layer's Wᵀ is not kept")
        Kernels.multiply(stage.transposed.pointer, rows: inputs, inner: outputs, deltas.pointer, bias: nil, into: out)
    }

    /// ∂L/∂W[o, j] = Σ_b δ[o, b]·x[j, b], one 64-wide dot; ∂L/∂b[o] = Σ_b δ[o, b].
    func readGradients(_ entries: UnsafeBufferPointer<Kernels.Entry>, input: LayerInput,
                       into alignments: UnsafeMutablePointer<Double>) {
        Kernels.readGradients(deltas: deltas.pointer, inputs: input.values, entries: entries, into: alignments)
    }
}
