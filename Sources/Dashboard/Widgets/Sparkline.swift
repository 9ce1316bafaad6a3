/// A one-row history in block glyphs ▁▂▃▄▅▆▇█, oldest on the left.
///
/// Values come already fitted to the width (`CompactSeries.fitted`); a shorter history
/// fills from the left, one glyph per value. Values are scaled to `range` (clamped), a
/// nil value is a blank, and an empty range puts every value in the middle.
enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static func glyphs(_ values: [Double?], width: Int, range: ClosedRange<Double>) -> String {
        String(values.prefix(max(0, width)).map { glyph($0, range: range) })
    }

    /// The glyph of one value.
    static func glyph(_ value: Double?, range: ClosedRange<Double>) -> Character {
        guard let value, value.isFinite else { return " " }
        let span = range.upperBound - range.lowerBound
        let fraction = span > 0 ? min(max((value - range.lowerBound) / span, 0), 1) : 0.5
        return levels[Int((fraction * Double(levels.count - 1)).rounded())]
    }
}
