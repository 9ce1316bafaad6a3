import NoiseStepKernels

/// One worker's buffers for a max pooling layer and its passes over a chunk: the pooled
/// values, then layer norm and ReLU when it has an activation; δ back through them, and
/// to the input entry each window's maximum came from.
final class PoolWorker: LayerWorker {
    let stage: PoolStage
    var place: LayerPlace { stage.place }
    var shape: PoolShape { stage.shape }
    /// The pooled values (its z), [outputRows, 64].
    let pooled: FloatBuffer
    /// Layer norm and ReLU of the pooled values, or none (`LayerPlace.hasActivation`).
    let activation: LayerActivation
    /// δ = ∂(Σ_b loss_b)/∂(pooled values), [outputRows, 64].
    let deltas: FloatBuffer
    /// The chunk's input, [inputRows, 64]: the layer before it's output, which stays put
    /// while the chunk is worked on; the windows' maxima are found in it again.
    private var input: UnsafePointer<Float>?

    init(stage: PoolStage) {
        self.stage = stage
        let rows = stage.shape.outputRows
        pooled = FloatBuffer(count: rows * Kernels.chunk)
        activation = LayerActivation(rows: rows, isActive: stage.place.hasActivation)
        deltas = FloatBuffer(count: rows * Kernels.chunk)
    }

    var output: UnsafeMutablePointer<Float> { activation.output(of: pooled.pointer) }
    var delta: UnsafeMutablePointer<Float> { deltas.pointer }

    func forward(_ input: LayerInput) {
        self.input = UnsafePointer(input.values)
        Kernels.maxPool(input.values, shape: shape, into: pooled.pointer)
        activation.forward(pooled.pointer)
    }

    func takeGradient(_ outputGradient: UnsafePointer<Float>) { activation.gradient(outputGradient, into: deltas.pointer) }

    func sendGradientBack(into out: UnsafeMutablePointer<Float>) {
        guard let input else { preconditionFailure("the gradient goes back after a forward pass") }
        Kernels.maxPoolBackward(input: input, pooled: pooled.pointer, delta: deltas.pointer, shape: shape, into: out)
    }

    func readGradients(_ entries: UnsafeBufferPointer<Kernels.Entry>, input: LayerInput,
                       into alignments: UnsafeMutablePointer<Double>) {
        precondition(entries.isEmpty, "a pooling layer has no parameters")
    }

    func sparseTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput,
                       into sparse: UnsafeMutablePointer<Float>) -> [Int] {
        precondition(entries.isEmpty, "a pooling layer has no parameters")
        return []
    }

    func addTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput, to tangent: UnsafeMutablePointer<Float>) {
        precondition(entries.isEmpty, "a pooling layer has no parameters")
    }

    func activationTangent(_ dz: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        activation.tangent(dz, into: out)
    }

    /// The tangent of each window's maximum: that of the entry the maximum came from.
    func linearTangent(_ inputTangent: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        guard let input else { preconditionFailure("a tangent goes through after a forward pass") }
        Kernels.maxPoolTangent(input: input, pooled: pooled.pointer, tangent: inputTangent, shape: shape, into: out)
    }

    func tangent(afterSparse rows: [Int], sparse: UnsafeMutablePointer<Float>, of previous: any LayerWorker,
                 scratch: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>) -> Bool { false }
}
