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
