import NoiseStepKernels

/// One worker's buffers for a convolution and its passes over a chunk: z = W ⊛ x + b, then
/// layer norm and ReLU when it has an activation; δ back through them; Wᵀ ⊛ δ to the layer
/// before. Every buffer is [features, 64], features in (channel, row, column) order.
final class ConvWorker: LayerWorker {
    let stage: ConvStage
    var place: LayerPlace { stage.place }
    var shape: ConvolutionShape { stage.shape }
    /// The first layer's input: each pixel's integer level (0…255, or 1 for binary input)
    /// as Float, [inputRows, 64], 0 where not inked; empty for any other layer.
    let levels: FloatBuffer
    /// z, [outputRows, 64].
    let z: FloatBuffer
    /// Layer norm and ReLU, or none (`LayerPlace.hasActivation`).
    let activation: LayerActivation
    /// δ = ∂(Σ_b loss_b)/∂z, [outputRows, 64].
    let deltas: FloatBuffer
    /// What the loaded chunk's first-layer sums are divided by (1 after the first layer).
    private(set) var divisor: Float = 1

    init(stage: ConvStage) {
        self.stage = stage
        let rows = stage.shape.outputRows
        levels = FloatBuffer(count: stage.place.isFirst ? stage.shape.inputRows * Kernels.chunk : 0)
        z = FloatBuffer(count: rows * Kernels.chunk)
        activation = LayerActivation(rows: rows, isActive: stage.place.hasActivation)
        deltas = FloatBuffer(count: rows * Kernels.chunk)
    }

    var output: UnsafeMutablePointer<Float> { activation.output(of: z.pointer) }
    var delta: UnsafeMutablePointer<Float> { deltas.pointer }

    func forward(_ input: LayerInput) {
        let source: UnsafePointer<Float>
        if let ink = input.ink {
            load(ink)
            (source, divisor) = (UnsafePointer(levels.pointer), ink.divisor)
        } else {
            precondition(!place.isFirst, "the first layer reads the chunk's ink")
            (source, divisor) = (UnsafePointer(input.values), 1)
        }
        Kernels.convolve(weights: stage.matrix.pointer, bias: stage.bias.pointer, input: source, shape: shape,
                         divisor: divisor, into: z.pointer)
        activation.forward(z.pointer)
    }

    /// `levels` from the chunk's ink lists: each inked pixel's level, 0 elsewhere.
    private func load(_ ink: ChunkInk) {
        let lists = ink.lists, chunk = Kernels.chunk
        precondition(lists.inputs == shape.inputRows)
        levels.pointer.update(repeating: 0, count: levels.count)
        for b in 0 ..< lists.examples {
            let first = b * lists.inputs
            for i in first ..< first + lists.counts[b] {
                levels.pointer[Int(lists.indices[i]) * chunk + b] = Float(lists.levels[i])
            }
        }
    }

    func takeGradient(_ outputGradient: UnsafePointer<Float>) { activation.gradient(outputGradient, into: deltas.pointer) }

    func sendGradientBack(into out: UnsafeMutablePointer<Float>) {
        precondition(!place.isFirst, "nothing before the first layer takes a gradient")
        Kernels.convolveBackward(transposed: stage.transposed.pointer, delta: deltas.pointer, shape: shape, into: out)
    }

    /// ∂L/∂W[o, t] = Σ over positions and examples of δ[o] · x at tap t (the first layer's
    /// x are levels, so the sum is divided by the divisor); ∂L/∂b[o] = Σ δ[o].
    func readGradients(_ entries: UnsafeBufferPointer<Kernels.Entry>, input: LayerInput,
                       into alignments: UnsafeMutablePointer<Double>) {
        let source = place.isFirst ? UnsafePointer(levels.pointer) : UnsafePointer(input.values)
        Kernels.convolutionReadGradients(delta: deltas.pointer, input: source, shape: shape, divisor: divisor,
                                         entries: entries, into: alignments)
    }
}
