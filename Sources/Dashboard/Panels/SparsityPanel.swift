import NoiseStep

/// The fraction of weights that are 0: overall and per layer as bars on a 0–100 % scale,
/// and its history on a scale at least `minimumHistorySpan` tall, so a change of a few
/// tenths of a point looks as small as it is.
enum SparsityPanel {
    static let labelWidth = 9
    static let valueWidth = 7
    /// The history's vertical scale covers at least this many points (as a fraction).
    static let minimumHistorySpan = 0.10

    /// One bar: "all" or a layer ("784→256"), and its fraction of zeros.
    struct Row: Equatable {
        var label: String
        var sparsity: Double
    }

    struct Content: Equatable {
        /// The whole model, then every layer.
        var rows: [Row]
        var history: [Double?]
    }

    /// Reads the layer zero counts from the last step, or from the model before the first
    /// step, and the history fitted to `width` cells.
    static func collect(_ state: SessionState, series: HistorySeries, width: Int) -> Content {
        let layers = state.snapshot?.layers ?? state.model.layerStats
        let zeros = layers.reduce(0) { $0 + $1.zeros }, total = layers.reduce(0) { $0 + $1.parameters }
        var rows = [Row(label: "all", sparsity: total == 0 ? 0 : Double(zeros) / Double(total))]
        for layer in layers { rows.append(Row(label: layer.label, sparsity: layer.sparsity)) }
        return Content(rows: rows, history: series.sparsity.fitted(to: max(0, width - 5 - labelWidth - 8)))
    }

    /// The history's scale: its range, widened about its middle to `minimumHistorySpan`
    /// and kept inside 0...1.
    static func historyRange(_ history: [Double?]) -> ClosedRange<Double>? {
        guard let extent = SeriesSampling.extent(history) else { return nil }
        let span = max(minimumHistorySpan, extent.upperBound - extent.lowerBound)
        let middle = (extent.lowerBound + extent.upperBound) / 2
        let bottom = min(max(0, middle - span / 2), 1 - span)
        return max(0, bottom) ... min(1, bottom + span)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        let overall = content.rows.first?.sparsity ?? 0
        var title = TextLine("sparsity", .title)
        title.add(" " + NumberFormat.percent(overall), CellStyle(.sparsity, bold: true))
        title.add(" of weights are 0", .muted, priority: 1)
        canvas.box(rect, title: title, focused: focused)
        let inside = rect.inset(by: 1)
        guard inside.height >= 1 else { return }
        // The whole model first, then as many layers as fit above the history row.
        let barRows = content.rows.prefix(max(1, inside.height - 1))
        for (offset, item) in barRows.enumerated() {
            drawBar(item, in: &canvas, row: inside.row + offset, inside: inside)
        }
        if inside.height >= 2 { drawHistory(content.history, in: &canvas, row: inside.bottom - 1, inside: inside) }
    }

    private static func drawBar(_ item: Row, in canvas: inout Canvas, row: Int, inside: Rect) {
        canvas.put(item.label, column: inside.column + 1, row: row, style: .muted, limit: labelWidth - 1)
        let meterWidth = inside.width - 2 - labelWidth - valueWidth
        Meter(fraction: item.sparsity, width: meterWidth).draw(into: &canvas, column: inside.column + 1 + labelWidth,
                                                               row: row, style: CellStyle(.sparsity))
        let value = NumberFormat.percent(item.sparsity)
        canvas.put(value, column: inside.right - 1 - value.count, row: row)
    }

    /// The history row: a sparkline and, on its right, the scale it is drawn on.
    private static func drawHistory(_ history: [Double?], in canvas: inout Canvas, row: Int, inside: Rect) {
        canvas.put("history", column: inside.column + 1, row: row, style: .muted)
        guard let range = historyRange(history) else { return }
        let scale = NumberFormat.percent(range.lowerBound, digits: 0) + "–" + NumberFormat.percent(range.upperBound, digits: 0)
        let width = inside.width - 3 - labelWidth - scale.count
        canvas.put(Sparkline.glyphs(history, width: width, range: range), column: inside.column + 1 + labelWidth,
                   row: row, style: CellStyle(.sparsity))
        canvas.put(scale, column: inside.right - 1 - scale.count, row: row, style: .muted)
    }
}
