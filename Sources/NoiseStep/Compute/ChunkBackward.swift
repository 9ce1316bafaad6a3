import NoiseStepKernels

/// The backward pass of the deltas over one chunk: down to layer 0 for trainers that need
/// every weight's gradient (the Adam + straight-through baseline), or only down to the
/// lowest perturbed layer for noise_step's reverse alignment.
extension ChunkWorkspace {
    /// Fills `delta[layer]` = ∂(Σ_b loss_b)/∂z_layer, [outputs, 64], for every layer from
    /// the last down to `lowest`. Padding columns stay 0 because `outputGradient` is 0
    /// there. Call after `forward` and `softmaxCrossEntropy`.
    func backwardDeltas(_ weights: ExpandedWeights, downTo lowest: Int = 0) {
        let chunk = Kernels.chunk, layers = shape.layerCount
        delta[layers - 1].pointer.update(from: outputGradient.pointer, count: shape.outputs(of: layers - 1) * chunk)
        for layer in stride(from: layers - 1, to: lowest, by: -1) {
            // δ_{l−1} = LN'ᵀ(mask ⊙ W_lᵀ δ_l)
            Kernels.multiply(weights.transposed[layer].pointer, rows: shape.inputs(of: layer),
                             inner: shape.outputs(of: layer), delta[layer].pointer, bias: nil,
                             into: scratch.pointer)
            Kernels.layerNormDerivative(scratch.pointer, rows: shape.inputs(of: layer),
                                        normalized: normalized[layer - 1].pointer,
                                        inverseDeviation: inverseDeviation[layer - 1].pointer,
                                        maskInput: true, maskOutput: false, into: delta[layer - 1].pointer)
        }
    }
}
