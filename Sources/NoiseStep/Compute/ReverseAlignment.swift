import NoiseStepKernels

/// `--alignment reverse`: α_i = ∇L·ν_i from one backward pass of the deltas, reading the
/// gradient only where the perturbations are nonzero. No per-parameter gradient is ever
/// materialized: each needed entry ∂L/∂W[o, j] = Σ_b δ[o, b]·a[j, b] is one 64-wide dot.
extension ChunkWorkspace {
    /// Adds this chunk's share of Σ_b ∂loss_b/∂θ · ν_i to `alignments[i]` for every i.
    /// Call after `forward` and `softmaxCrossEntropy`.
    func reverseAlignments(_ weights: ExpandedWeights, entries: PerturbationEntries,
                           into alignments: UnsafeMutablePointer<Double>) {
        let layers = shape.layerCount
        let lowest = entries.byLayer.firstIndex { !$0.isEmpty } ?? layers
        backwardDeltas(weights, downTo: min(lowest, layers - 1))
        for layer in lowest ..< layers {
            entries.byLayer[layer].withUnsafeBufferPointer { layerEntries in
                Kernels.readGradients(deltas: delta[layer].pointer, inputs: layerInput(layer), entries: layerEntries,
                                      into: alignments)
            }
        }
    }

    /// The input of `layer`, feature-major [inputs, 64]: the pixels, or the previous
    /// layer's rectified output.
    func layerInput(_ layer: Int) -> UnsafeMutablePointer<Float> {
        layer == 0 ? pixelsByFeature.pointer : rectified[layer - 1].pointer
    }
}
