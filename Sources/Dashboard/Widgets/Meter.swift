/// A horizontal bar of `width` cells filled to `fraction` in eighths of a cell.
///
/// `filled` holds the full and partial blocks, `track` the rest as dots; together they
/// are always exactly `width` cells.
struct Meter: Equatable {
    var filled: String
    var track: String

    private static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    init(fraction: Double, width: Int) {
        let width = max(0, width)
        let units = Int((min(max(fraction.isFinite ? fraction : 0, 0), 1) * Double(width * 8)).rounded())
        var text = String(repeating: "█", count: units / 8)
        if units % 8 > 0 { text.append(Self.eighths[units % 8 - 1]) }
        filled = text
        track = String(repeating: "·", count: width - text.count)
    }

    /// Draws the bar at (`column`, `row`) with the filled part in `style`.
    func draw(into canvas: inout Canvas, column: Int, row: Int, style: CellStyle) {
        let end = canvas.put(filled, column: column, row: row, style: style)
        canvas.put(track, column: end, row: row, style: .muted)
    }
}
