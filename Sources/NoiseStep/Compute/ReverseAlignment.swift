import NoiseStepKernels

/// `--alignment reverse`: α_i = ∇L·ν_i from one backward pass of the deltas, reading the
/// gradient only where the perturbations are nonzero. No per-parameter gradient is ever
/// materialized: each layer reads the entries it holds (`LayerWorker.readGradients`).
extension ChunkWorkspace {
    /// Adds this chunk's share of Σ_b ∂loss_b/∂θ · ν_i to `alignments[i]` for every i.
    /// Call after `forward` and `softmaxCrossEntropy`.
    func reverseAlignments(entries: PerturbationEntries, into alignments: UnsafeMutablePointer<Double>) {
        let layers = workers.count
        let lowest = entries.byLayer.firstIndex { !$0.isEmpty } ?? layers
        backwardDeltas(downTo: min(lowest, layers - 1))
        for layer in lowest ..< layers {
            entries.byLayer[layer].withUnsafeBufferPointer { layerEntries in
                workers[layer].readGradients(layerEntries, input: input(of: layer), into: alignments)
            }
        }
    }
}
