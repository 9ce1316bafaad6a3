/// A run of consecutive steps of one quantity, summarised: how many steps it covers,
/// how many of them had a value (validation accuracy is measured on some steps only),
/// and their sum, smallest and largest value.
struct StepBucket: Equatable, Sendable {
    /// The first step covered (steps are 1 ... 2^32 − 1).
    var first: UInt32
    /// Steps covered, `first` ..< `first` + `steps`.
    var steps: UInt32
    /// Steps with a value.
    var count: UInt32
    var sum: Double
    var minimum: Float
    var maximum: Float

    /// One step, with its value or without (nil, or a value that is not finite).
    init(step: Int, value: Double?) {
        first = UInt32(clamping: step)
        steps = 1
        if let value, value.isFinite {
            (count, sum, minimum, maximum) = (1, value, Float(value), Float(value))
        } else {
            (count, sum, minimum, maximum) = (0, 0, .infinity, -.infinity)
        }
    }

    /// The last step covered.
    var last: Int { Int(first) + Int(steps) - 1 }

    /// This bucket and the one right after it as one.
    func merged(with next: StepBucket) -> StepBucket {
        var merged = self
        merged.steps += next.steps
        merged.count += next.count
        merged.sum += next.sum
        merged.minimum = min(minimum, next.minimum)
        merged.maximum = max(maximum, next.maximum)
        return merged
    }
}

/// The summary of the values in some steps: their mean, smallest and largest.
public struct StepSummary: Equatable, Sendable {
    public var mean: Double
    public var minimum: Double
    public var maximum: Double
    /// Steps with a value.
    public var count: Int

    init?(_ bucket: StepBucket) {
        guard bucket.count > 0 else { return nil }
        mean = bucket.sum / Double(bucket.count)
        minimum = Double(bucket.minimum)
        maximum = Double(bucket.maximum)
        count = Int(bucket.count)
    }
}

/// A fixed-capacity queue of buckets, oldest first: appending and taking the oldest are
/// O(1), so moving buckets between tiers never shifts an array. Storage grows up to the
/// capacity as buckets arrive, then wraps around.
struct BucketRing: Equatable, Sendable {
    /// [≤ capacity] storage; the live buckets are `count` of them from `head`, wrapping at `capacity`.
    private var storage: [StepBucket] = []
    private var head = 0
    private(set) var count = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The `index`th oldest bucket.
    subscript(index: Int) -> StepBucket { storage[(head + index) % capacity] }

    /// - Precondition: not full.
    mutating func append(_ bucket: StepBucket) {
        precondition(count < capacity, "a full bucket ring")
        let slot = (head + count) % capacity
        if slot == storage.count { storage.append(bucket) } else { storage[slot] = bucket }
        count += 1
    }

    /// Takes the oldest bucket off. - Precondition: not empty.
    mutating func removeOldest() -> StepBucket {
        precondition(count > 0, "an empty bucket ring")
        let bucket = storage[head]
        head = (head + 1) % capacity
        count -= 1
        return bucket
    }

    /// Replaces the contents with `buckets`, oldest first.
    mutating func replace(with buckets: [StepBucket]) {
        precondition(buckets.count <= capacity)
        storage = buckets
        head = 0
        count = buckets.count
    }

    /// The index of the first bucket whose last step is at or after `step` (count if none).
    func firstIndex(endingAtOrAfter step: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].last < step { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
