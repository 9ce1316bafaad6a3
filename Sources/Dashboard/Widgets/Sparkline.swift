/// A one-row history in block glyphs ▁▂▃▄▅▆▇█, oldest on the left.
///
/// Longer histories are averaged down to the width; shorter ones fill from the left, one
/// glyph per step. Values are scaled to `range` (clamped), a nil step is a blank.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func glyphs(_ values: [Double?], width: Int, range: ClosedRange<Double>) -> String {
        let span = range.upperBound - range.lowerBound
        return String(SeriesSampling.bucketMeans(values, buckets: width).map { value -> Character in
            guard let value, value.isFinite else { return " " }
            let fraction = span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0.5
            return levels[Int((fraction * Double(levels.count - 1)).rounded())]
        })
    }
}
