/// What a training run keeps in memory besides the data set, in bytes, split into state and
/// scratch.
///
/// `stateBytes` is what must survive from one step to the next: without it the run cannot
/// continue. `scratchBytes` is allocated once and overwritten every step (expanded Float
/// weights, per-worker chunk workspaces, batch activations); it carries nothing between
/// steps. Small per-step allocations (a step's perturbation index lists and result rows, a
/// few kB) are in neither.
public struct TrainingFootprint: Sendable, Equatable {
    public var parameters: Int
    public var stateBytes: Int
    public var scratchBytes: Int

    public init(parameters: Int, stateBytes: Int, scratchBytes: Int) {
        self.parameters = parameters
        self.stateBytes = stateBytes
        self.scratchBytes = scratchBytes
    }

    public var stateBytesPerParameter: Double { Double(stateBytes) / Double(max(1, parameters)) }
    public var scratchBytesPerParameter: Double { Double(scratchBytes) / Double(max(1, parameters)) }

    /// A noise_step `Trainer` of this shape and thread count: the packed model (two bit
    /// planes per matrix, each row padded to whole 64-bit words) and the trainer's counters
    /// (step, density, samples, reject quantile, schedule); scratch is the `BatchRunner`'s
    /// expanded weights and workspaces. Perturbations are regenerated from their seed, so
    /// they are not state.
    public static func noiseStep(shape: ModelShape, threads: Int) -> TrainingFootprint {
        let counters = 2 * MemoryLayout<Int>.size + 2 * MemoryLayout<Double>.size + MemoryLayout<DensitySchedule>.size
        return TrainingFootprint(parameters: shape.parameterCount,
                                 stateBytes: TernaryModel(shape: shape).packedBytes + counters,
                                 scratchBytes: floatBufferBytes(of: BatchRunner(shape: shape, threads: threads)))
    }

    /// Bytes of every `FloatBuffer` reachable from `value` through stored properties and
    /// array elements, up to `depth` levels down. Counted by reflection so that a buffer
    /// added to a workspace later is counted too.
    static func floatBufferBytes(of value: Any, depth: Int = 5) -> Int {
        if let buffer = value as? FloatBuffer { return buffer.count * MemoryLayout<Float>.size }
        guard depth > 0 else { return 0 }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .class?, .struct?, .collection?:
            return mirror.children.reduce(0) { $0 + floatBufferBytes(of: $1.value, depth: depth - 1) }
        default:
            return 0
        }
    }
}

extension TernaryModel {
    /// Bytes of the packed model: five trits per byte, per weight matrix and bias.
    public var packedBytes: Int {
        layers.reduce(0) { $0 + $1.weights.packed.count + $1.bias.packed.count }
    }
}
