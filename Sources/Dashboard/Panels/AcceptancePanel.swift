import NoiseStep

/// How many perturbations each step kept and how many weights it changed, as sparklines
/// with the latest values.
enum AcceptancePanel {
    static let height = 4
    static let labelWidth = 9
    static let valueWidth = 16

    struct Content: Equatable {
        /// kept / samples per step, in [0, 1].
        var acceptance: [Double?]
        var changed: [Double?]
        var kept: Int?
        var samples: Int?
        var weightsChanged: Int?
    }

    /// Reads the last step's counts and the histories fitted to `width` cells.
    static func collect(_ state: SessionState, series: HistorySeries, width: Int) -> Content {
        Content(acceptance: series.acceptance.fitted(to: width), changed: series.weightsChanged.fitted(to: width),
                kept: state.snapshot?.kept, samples: state.snapshot?.samples,
                weightsChanged: state.snapshot?.weightsChanged)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = [("perturbations", CellStyle.title)]
        if let kept = content.kept, let samples = content.samples {
            let rate = samples == 0 ? 0 : Double(kept) / Double(samples)
            let text = "  kept \(grouped(kept))/\(grouped(samples)) (\(percent(rate)))"
            title.append((text, CellStyle(.acceptance, bold: true)))
        }
        canvas.box(rect, title: title, focused: focused)
        let inside = rect.inset(by: 1)
        let keptValue = content.kept.flatMap { kept in content.samples.map { "\(grouped(kept))/\(grouped($0)) kept" } }
        drawRow("kept", content.acceptance, range: 0 ... 1, value: keptValue ?? "",
                style: CellStyle(.acceptance), in: &canvas, row: inside.row, inside: inside)
        let changedRange = 0 ... max(1, SeriesSampling.extent(content.changed)?.upperBound ?? 1)
        drawRow("changed", content.changed, range: changedRange,
                value: content.weightsChanged.map { "\(grouped($0)) weights" } ?? "",
                style: CellStyle(.changed), in: &canvas, row: inside.row + 1, inside: inside)
    }

    private static func drawRow(_ label: String, _ values: [Double?], range: ClosedRange<Double>, value: String,
                                style: CellStyle, in canvas: inout Canvas, row: Int, inside: Rect) {
        canvas.put(label, column: inside.column + 1, row: row, style: .muted)
        let width = inside.width - 3 - labelWidth - valueWidth
        canvas.put(Sparkline.glyphs(values, width: width, range: range), column: inside.column + 1 + labelWidth,
                   row: row, style: style)
        canvas.put(value, column: inside.right - 1 - value.count, row: row)
    }
}
