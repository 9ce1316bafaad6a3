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
