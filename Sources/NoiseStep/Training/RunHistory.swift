/// The per-step figures kept for a whole run, for plotting.
public struct StepRecord: Sendable, Equatable {
    public var step: Int
    public var loss: Double
    public var batchAccuracy: Double
    /// Present on the steps where validation ran.
    public var validationAccuracy: Double?
    /// kept / samples, in [0, 1].
    public var acceptanceRate: Double
    public var weightsChanged: Int
    /// Fraction of all parameters that are 0, in [0, 1].
    public var sparsity: Double
    /// The settings the step used.
    public var settings: StepSettings
    /// The |α| a perturbation had to reach to be kept; nil where not known (a step
    /// replayed from a log, which does not store it).
    public var alignmentThreshold: Double?

    public init(_ snapshot: TrainingSnapshot) {
        step = snapshot.step
        loss = snapshot.loss
        batchAccuracy = snapshot.batchAccuracy
        validationAccuracy = snapshot.validationAccuracy
        acceptanceRate = snapshot.acceptanceRate
        weightsChanged = snapshot.weightsChanged
        sparsity = snapshot.sparsity
        settings = StepSettings(density: snapshot.density, samples: snapshot.samples,
                                rejectQuantile: snapshot.rejectQuantile, schedule: snapshot.schedule)
        alignmentThreshold = snapshot.alignmentSpread?.threshold
    }

    public init(step: Int, loss: Double, batchAccuracy: Double, validationAccuracy: Double? = nil,
                acceptanceRate: Double, weightsChanged: Int, sparsity: Double,
                settings: StepSettings = StepSettings(TrainingOptions()), alignmentThreshold: Double? = nil) {
        self.step = step
        self.loss = loss
        self.batchAccuracy = batchAccuracy
        self.validationAccuracy = validationAccuracy
        self.acceptanceRate = acceptanceRate
        self.weightsChanged = weightsChanged
        self.sparsity = sparsity
        self.settings = settings
        self.alignmentThreshold = alignmentThreshold
    }
}

/// An append-only list of step records that is cheap to copy: full blocks are shared,
/// immutable storage, so handing a copy to another thread costs O(count / 512).
public struct RunHistory: Sendable, RandomAccessCollection {
    private static let blockSize = 512
    private final class Block: Sendable {
        let records: [StepRecord]
        init(_ records: [StepRecord]) { self.records = records }
    }
    private var blocks: [Block] = []
    private var tail: [StepRecord] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { blocks.count * Self.blockSize + tail.count }

    public subscript(position: Int) -> StepRecord {
        let block = position / Self.blockSize
        return block < blocks.count ? blocks[block].records[position % Self.blockSize]
                                    : tail[position - blocks.count * Self.blockSize]
    }

    public mutating func append(_ record: StepRecord) {
        tail.append(record)
        if tail.count == Self.blockSize {
            blocks.append(Block(tail))
            tail.removeAll(keepingCapacity: true)
        }
    }
}
