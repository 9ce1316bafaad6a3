import NoiseStep

/// The fraction of weights that are zero: overall and per layer as bars, and its history.
enum SparsityPanel {
    /// Layers listed one per row; a deeper model shows the first ones and a count of the rest.
    static let maximumLayerRows = 6
    static let labelWidth = 9
    static let valueWidth = 7

    /// Rows the panel needs for a model of `layerCount` layers, border included.
    static func height(layerCount: Int) -> Int { 2 + 1 + min(layerCount, maximumLayerRows) + 1 }

    /// One bar: "all" or a layer ("784→256"), and its fraction of zeros.
    struct Row: Equatable {
        var label: String
        var sparsity: Double
    }

    struct Content: Equatable {
        /// The whole model, then each layer that fits.
        var rows: [Row]
        /// Layers that did not fit.
        var hiddenLayers: Int
        var history: [Double?]
    }

    /// Reads the layer zero counts from the last step, or from the model before the first
    /// step, and the history fitted to `width` cells.
    static func collect(_ state: SessionState, series: HistorySeries, width: Int) -> Content {
        let layers = state.snapshot?.layers ?? state.model.layerStats
        let zeros = layers.reduce(0) { $0 + $1.zeros }, total = layers.reduce(0) { $0 + $1.parameters }
        var rows = [Row(label: "all", sparsity: total == 0 ? 0 : Double(zeros) / Double(total))]
        let shown = layers.count > maximumLayerRows ? maximumLayerRows - 1 : layers.count
        for layer in layers.prefix(shown) {
            rows.append(Row(label: "\(layer.inputs)→\(layer.outputs)", sparsity: layer.sparsity))
        }
        return Content(rows: rows, hiddenLayers: layers.count - shown, history: series.sparsity.fitted(to: width))
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        let overall = content.rows.first?.sparsity ?? 0
        canvas.box(rect, title: [("sparsity", .title), (" " + percent(overall), CellStyle(.sparsity, bold: true)),
                                 (" of weights are 0", .muted)], focused: focused)
        let inside = rect.inset(by: 1)
        let meterWidth = inside.width - 2 - labelWidth - valueWidth
        var row = inside.row
        for item in content.rows {
            let sparsity = item.sparsity
            canvas.put(item.label, column: inside.column + 1, row: row, style: .muted, limit: labelWidth - 1)
            Meter(fraction: sparsity, width: meterWidth).draw(into: &canvas, column: inside.column + 1 + labelWidth,
                                                              row: row, style: CellStyle(.sparsity))
            let value = percent(sparsity)
            canvas.put(value, column: inside.right - 1 - value.count, row: row)
            row += 1
        }
        if content.hiddenLayers > 0 {
            canvas.put("… and \(content.hiddenLayers) more layers", column: inside.column + 1, row: row, style: .muted)
            row += 1
        }
        drawHistory(content.history, in: &canvas, row: row, inside: inside)
    }

    /// The history row: a sparkline scaled to the run's own range, which it states.
    private static func drawHistory(_ history: [Double?], in canvas: inout Canvas, row: Int, inside: Rect) {
        canvas.put("history", column: inside.column + 1, row: row, style: .muted)
        guard let range = SeriesSampling.extent(history) else { return }
        let span = range.lowerBound == range.upperBound ? percent(range.lowerBound)
                                                        : percent(range.lowerBound) + "–" + percent(range.upperBound)
        let width = inside.width - 3 - labelWidth - span.count
        canvas.put(Sparkline.glyphs(history, width: width, range: range), column: inside.column + 1 + labelWidth,
                   row: row, style: CellStyle(.sparsity))
        canvas.put(span, column: inside.right - 1 - span.count, row: row, style: .muted)
    }
}
