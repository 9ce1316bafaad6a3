/// Fits values to the width of a panel and finds their range.
///
/// Series are `[Double?]`, one entry per step; nil marks a step without a value (e.g.
/// validation accuracy between evaluations). Cost is O(count) per call.
enum SeriesSampling {
    /// The mean of each of `buckets` consecutive, equal spans of `values`, skipping nils;
    /// nil for a span with no values. When there are no more values than buckets, the
    /// values come back unchanged (one per step).
    static func bucketMeans(_ values: [Double?], buckets: Int) -> [Double?] {
        guard buckets > 0 else { return [] }
        guard values.count > buckets else { return values }
        var means = [Double?](repeating: nil, count: buckets)
        for bucket in 0 ..< buckets {
            let start = bucket * values.count / buckets, end = (bucket + 1) * values.count / buckets
            var sum = 0.0, count = 0
            for index in start ..< end {
                if let value = values[index] {
                    sum += value
                    count += 1
                }
            }
            if count > 0 { means[bucket] = sum / Double(count) }
        }
        return means
    }

    /// The smallest and largest non-nil finite value, nil when there is none.
    static func extent(_ values: [Double?]) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for case let value? in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low ... high : nil
    }
}
