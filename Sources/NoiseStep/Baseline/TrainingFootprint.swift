import NoiseStepKernels

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

    /// A noise_step `Trainer` of this shape, thread count and batch. State: the packed
    /// model (five trits per byte, see `TernaryMatrix`) and the trainer's counters (step,
    /// density, samples, reject quantile, schedule). Scratch: what `runnerScratchBytes`
    /// counts. Perturbations are regenerated from their seed, so they are not state.
    public static func noiseStep(shape: ModelShape, threads: Int, batch: Int = TrainingOptions().batch) -> TrainingFootprint {
        let counters = 2 * MemoryLayout<Int>.size + 2 * MemoryLayout<Double>.size + MemoryLayout<DensitySchedule>.size
        return TrainingFootprint(parameters: shape.parameterCount,
                                 stateBytes: TernaryModel(shape: shape).packedBytes + counters,
                                 scratchBytes: runnerScratchBytes(shape: shape, threads: threads, batch: batch))
    }

    /// A `BatchRunner`'s scratch for batches of `batch` examples: the expanded weights,
    /// and one chunk workspace per worker that such a batch uses (at most one per chunk).
    static func runnerScratchBytes(shape: ModelShape, threads: Int, batch: Int) -> Int {
        let runner = BatchRunner(shape: shape, threads: threads)
        let workers = min(runner.workerLimit, BatchRunner.chunks(covering: batch))
        // The layers' weights first, so that a workspace's references to them are not counted again.
        var counted = Set<ObjectIdentifier>()
        let weights = bufferBytes(of: runner.stages, counted: &counted)
        return weights + workers * bufferBytes(of: ChunkWorkspace(stages: runner.stages, shape: shape), counted: &counted)
    }

    /// Bytes of every kernel buffer (`ScratchStorage`) and byte array reachable from `value`
    /// through stored properties and array elements, up to `depth` levels down, each object
    /// once (those in `counted` not again). Counted by reflection so that a buffer added to
    /// a workspace later is counted too.
    static func bufferBytes(of value: Any, depth: Int = 6, counted: inout Set<ObjectIdentifier>) -> Int {
        if let storage = value as? any ScratchStorage {
            return counted.insert(ObjectIdentifier(storage)).inserted ? storage.bytes : 0
        }
        if let bytes = value as? [UInt8] { return bytes.count }
        guard depth > 0 else { return 0 }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .class?:
            guard counted.insert(ObjectIdentifier(value as AnyObject)).inserted else { return 0 }
            fallthrough
        case .struct?, .collection?, .optional?:
            return mirror.children.reduce(0) { $0 + bufferBytes(of: $1.value, depth: depth - 1, counted: &counted) }
        default:
            return 0
        }
    }

    /// `bufferBytes(of:depth:counted:)` counting everything reachable from `value`.
    static func bufferBytes(of value: Any) -> Int {
        var counted = Set<ObjectIdentifier>()
        return bufferBytes(of: value, counted: &counted)
    }
}
