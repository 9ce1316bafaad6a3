/// The range of a plotted series. Series are `[Double?]`; nil marks a step or bucket
/// without a value (e.g. validation accuracy between evaluations).
enum SeriesSampling {
    /// The smallest and largest non-nil finite value, nil when there is none.
    static func extent(_ values: [Double?]) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for case let value? in values where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low ... high : nil
    }

    /// The value below which a `fraction` of the non-nil finite values lie (nearest rank);
    /// nil when there is none.
    static func quantile(_ values: [Double?], _ fraction: Double) -> Double? {
        let sorted = values.compactMap { $0 }.filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return nil }
        return sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count - 1)).rounded())))]
    }
}
