import NoiseStepKernels

/// What a worker reads for one chunk: the previous layer's activations, or the image.
struct LayerInput {
    /// [input features, 64] feature-major: the image's encoded pixels (zero where no
    /// example is inked) or the previous layer's activations.
    let values: UnsafeMutablePointer<Float>
    /// For the image only: each example's inked pixels and their integer levels, which
    /// the first layer sums exactly (`Kernels.inputLayer`).
    let ink: ChunkInk?
    /// Examples of the chunk that are real (the last chunk of a batch may be partial);
    /// columns from `valid` on are padding.
    let valid: Int
}
