/// The full backward pass of one chunk, for trainers that need every weight's gradient
/// (the Adam + straight-through baseline). noise_step's reverse alignment stops at the
/// lowest perturbed layer; this always runs down to layer 0.
extension ChunkWorkspace {
    /// Fills `delta[layer]` = ∂(Σ_b loss_b)/∂z_layer, [outputs, 64], for every layer.
    /// Padding columns stay 0 because `outputGradient` is 0 there.
    /// Call after `forward` and `softmaxCrossEntropy`.
    func backwardDeltas(_ weights: ExpandedWeights) {
        let chunk = Kernels.chunk, layers = shape.layerCount
        delta[layers - 1].pointer.update(from: outputGradient.pointer, count: shape.outputs(of: layers - 1) * chunk)
        for layer in stride(from: layers - 1, to: 0, by: -1) {
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
