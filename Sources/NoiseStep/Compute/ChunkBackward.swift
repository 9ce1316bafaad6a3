import NoiseStepKernels

/// The backward pass of the deltas over one chunk: down to the first layer for trainers
/// that need every weight's gradient (the Adam + straight-through baseline), or only down
/// to the lowest perturbed layer for noise_step's reverse alignment.
extension ChunkWorkspace {
    /// Fills every layer's δ = ∂(Σ_b loss_b)/∂z from the last layer down to `lowest`: the
    /// last layer takes the loss gradient, each layer above `lowest` sends its gradient
    /// back through its own weights to the layer before, which takes it through its
    /// activation. Padding columns stay 0 because `outputGradient` is 0 there. Call after
    /// `forward` and `softmaxCrossEntropy`.
    func backwardDeltas(downTo lowest: Int = 0) {
        workers[workers.count - 1].takeGradient(outputGradient.pointer)
        for layer in stride(from: workers.count - 1, to: lowest, by: -1) {
            workers[layer].sendGradientBack(into: scratch.pointer)
            workers[layer - 1].takeGradient(scratch.pointer)
        }
    }
}
