/// One quantity over a whole run in bounded memory: exact for the newest steps, coarser
/// with age, as monitoring tools keep their data.
///
/// Tier 0 holds the newest `tierCapacity` steps one bucket per step; when it overflows,
/// its two oldest buckets are merged into one of tier 1, whose buckets cover 2 steps,
/// and so on: tier k covers up to `tierCapacity` × 2^k steps in buckets of 2^k. The last
/// tier, once full, merges neighbouring buckets in place, so its buckets keep doubling.
/// Memory is at most `tiers` × `tierCapacity` buckets (32 bytes each) however long the
/// run; appending is amortised O(1). Every bucket keeps the count, sum, smallest and
/// largest value of its steps, so a spike survives the merging as a maximum.
struct TieredSeries: Equatable, Sendable {
    static let tierCapacity = 2048
    static let tiers = 8

    /// [tiers] oldest tier last; each ring one bucket larger than a tier holds, for the
    /// append that precedes a merge.
    private var rings: [BucketRing]
    /// The first and last step appended.
    private(set) var steps: ClosedRange<Int>?

    init() {
        rings = (0 ..< Self.tiers).map { _ in BucketRing(capacity: Self.tierCapacity + 2) }
    }

    /// Buckets held, over all tiers.
    var bucketCount: Int { rings.reduce(0) { $0 + $1.count } }

    /// Appends `step`, which must follow the last step appended, with its value (nil for
    /// a step without one).
    mutating func append(step: Int, value: Double?) {
        steps = (steps?.lowerBound ?? step) ... max(step, steps?.lowerBound ?? step)
        rings[0].append(StepBucket(step: step, value: value))
        var tier = 0
        while tier < Self.tiers - 1, rings[tier].count > Self.tierCapacity {
            let older = rings[tier].removeOldest(), newer = rings[tier].removeOldest()
            rings[tier + 1].append(older.merged(with: newer))
            tier += 1
        }
        if rings[Self.tiers - 1].count > Self.tierCapacity { mergeLastTier() }
    }

    /// Halves the last tier by merging neighbours (an odd one out stays as it is, newest).
    private mutating func mergeLastTier() {
        let ring = rings[Self.tiers - 1]
        var merged: [StepBucket] = []
        merged.reserveCapacity(ring.count / 2 + 1)
        var index = 0
        while index < ring.count {
            merged.append(index + 1 < ring.count ? ring[index].merged(with: ring[index + 1]) : ring[index])
            index += 2
        }
        rings[Self.tiers - 1].replace(with: merged)
    }

    /// Calls `body` with every bucket that ends at or after `window`'s first step and
    /// starts at or before its last, oldest first.
    func forEachBucket(in window: ClosedRange<Int>, _ body: (StepBucket) -> Void) {
        for ring in rings.reversed() {
            var index = ring.firstIndex(endingAtOrAfter: window.lowerBound)
            while index < ring.count {
                let bucket = ring[index]
                guard Int(bucket.first) <= window.upperBound else { break }
                body(bucket)
                index += 1
            }
        }
    }

    /// The values in `window` in `columns` equal slices of its steps, each slice the
    /// buckets that start in it (a bucket wider than a slice fills the slice it starts
    /// in; the slices after stay nil); nil for a slice without values.
    func columns(_ window: ClosedRange<Int>, count columns: Int) -> [StepSummary?] {
        guard columns > 0 else { return [] }
        var slices = [StepBucket?](repeating: nil, count: columns)
        let span = window.count
        forEachBucket(in: window) { bucket in
            let start = max(Int(bucket.first), window.lowerBound)
            let column = min(columns - 1, (start - window.lowerBound) * columns / span)
            slices[column] = slices[column].map { $0.merged(with: bucket) } ?? bucket
        }
        return slices.map { $0.flatMap(StepSummary.init) }
    }

    /// The values of the steps in `window`, as one summary; nil when none has a value.
    func summary(of window: ClosedRange<Int>) -> StepSummary? {
        var total: StepBucket?
        forEachBucket(in: window) { bucket in total = total.map { $0.merged(with: bucket) } ?? bucket }
        return total.flatMap(StepSummary.init)
    }

    /// Every bucket, oldest first (for export).
    var buckets: [StepBucket] {
        var all: [StepBucket] = []
        for ring in rings.reversed() {
            for index in 0 ..< ring.count { all.append(ring[index]) }
        }
        return all
    }
}
