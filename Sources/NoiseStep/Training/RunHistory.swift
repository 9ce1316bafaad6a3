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

/// The most recent step records of a run, cheap to copy: full blocks are shared,
/// immutable storage, so handing a copy to another thread costs O(retained / 512).
///
/// Positions count every record ever appended (`endIndex` is the run's record count), but
/// only the newest `retainedRecords` or so stay: older blocks are dropped, `startIndex`
/// moves past them, and memory stays bounded however long the run. A front end that
/// wants the whole run takes each record in as it comes (the dashboard's history series)
/// or reads the step log.
public struct RunHistory: Sendable, RandomAccessCollection {
    private static let blockSize = 512
    /// Records kept at least: this many in full blocks, plus the newest block in progress.
    public static let retainedRecords = 16 * blockSize
    private final class Block: Sendable {
        let records: [StepRecord]
        init(_ records: [StepRecord]) { self.records = records }
    }
    private var blocks: [Block] = []
    /// Blocks dropped from the front: `blocks[0]` is block number `droppedBlocks`.
    private var droppedBlocks = 0
    private var tail: [StepRecord] = []

    public init() {}

    public var startIndex: Int { droppedBlocks * Self.blockSize }
    public var endIndex: Int { (droppedBlocks + blocks.count) * Self.blockSize + tail.count }

    /// The record at `position`, which must lie in `startIndex ..< endIndex`.
    public subscript(position: Int) -> StepRecord {
        let block = position / Self.blockSize - droppedBlocks
        return block < blocks.count ? blocks[block].records[position % Self.blockSize]
                                    : tail[position - (droppedBlocks + blocks.count) * Self.blockSize]
    }

    public mutating func append(_ record: StepRecord) {
        tail.append(record)
        guard tail.count == Self.blockSize else { return }
        blocks.append(Block(tail))
        tail.removeAll(keepingCapacity: true)
        if blocks.count > Self.retainedRecords / Self.blockSize {
            blocks.removeFirst()
            droppedBlocks += 1
        }
    }
}
