/// Summary statistics for timing samples.
public enum Statistics {
    /// The median: the middle value, or the mean of the two middle values for an even count;
    /// nil for no values. NaNs are not expected (timings are finite).
    ///
    ///     Statistics.median([3, 1, 2])     // 2
    ///     Statistics.median([4, 1, 3, 2])  // 2.5
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted(), middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
