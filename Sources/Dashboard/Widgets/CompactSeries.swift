/// A run's per-step values kept at bounded size: once there are more than `capacity`
/// groups, neighbouring groups are merged, so each group then covers 2, 4, 8 … steps.
///
/// Fitting the series to a panel costs O(capacity) however long the run, and appending
/// is amortised O(1). Each group keeps the sum and count of its non-nil values, so means
/// stay exact whatever the grouping and nil steps (no validation that step) are skipped.
struct CompactSeries: Equatable, Sendable {
    static let capacity = 4096

    /// Each group's sum, at most `capacity` of them.
    private(set) var sums: [Double] = []
    /// Non-nil values in each group.
    private var counts: [Int] = []
    /// Steps per group; the last group may hold fewer.
    private(set) var groupSize = 1
    private var stepsInLastGroup = 0
    /// Values appended, nil ones included: the steps the series covers.
    private(set) var stepCount = 0

    init() {}

    init(_ values: [Double?]) {
        for value in values { append(value) }
    }

    mutating func append(_ value: Double?) {
        if sums.isEmpty || stepsInLastGroup == groupSize {
            sums.append(0)
            counts.append(0)
            stepsInLastGroup = 0
        }
        if let value, value.isFinite {
            sums[sums.count - 1] += value
            counts[counts.count - 1] += 1
        }
        stepsInLastGroup += 1
        stepCount += 1
        if sums.count > Self.capacity { mergeNeighbours() }
    }

    /// Halves the number of groups by merging groups 2i and 2i + 1.
    private mutating func mergeNeighbours() {
        let oddOneOut = sums.count % 2 == 1
        var mergedSums: [Double] = [], mergedCounts: [Int] = []
        mergedSums.reserveCapacity(sums.count / 2 + 1)
        mergedCounts.reserveCapacity(sums.count / 2 + 1)
        for index in stride(from: 0, to: sums.count, by: 2) {
            let pair = index + 1 < sums.count
            mergedSums.append(sums[index] + (pair ? sums[index + 1] : 0))
            mergedCounts.append(counts[index] + (pair ? counts[index + 1] : 0))
        }
        if !oddOneOut { stepsInLastGroup += groupSize }
        sums = mergedSums
        counts = mergedCounts
        groupSize *= 2
    }

    /// The mean of each of `buckets` consecutive, equal spans of the groups; nil for a
    /// span without values. With no more groups than buckets, one mean per group.
    func fitted(to buckets: Int) -> [Double?] {
        fitted(to: buckets, spanning: stepCount)
    }

    /// As `fitted(to:)`, on an axis of `span` steps from this series' first step, which
    /// may run past its last (a shorter run plotted beside a longer one): buckets past the
    /// end are nil. With no more groups on the axis than buckets, one value per group.
    func fitted(to buckets: Int, spanning span: Int) -> [Double?] {
        let axisGroups = (max(span, stepCount) + groupSize - 1) / groupSize
        guard buckets > 0, axisGroups > 0 else { return [] }
        let slots = min(buckets, axisGroups)
        return (0 ..< slots).map { slot in
            let start = slot * axisGroups / slots, end = min((slot + 1) * axisGroups / slots, sums.count)
            var sum = 0.0, count = 0
            for group in start ..< max(start, end) {
                sum += sums[group]
                count += counts[group]
            }
            return count > 0 ? sum / Double(count) : nil
        }
    }
}
