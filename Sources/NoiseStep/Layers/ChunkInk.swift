import NoiseStepKernels

/// The inked pixels of a loaded chunk and how their levels become inputs.
struct ChunkInk {
    let lists: InkLists
    /// Every level is 1 (binary input).
    let unitLevels: Bool
    /// input = level / divisor.
    let divisor: Float
}
