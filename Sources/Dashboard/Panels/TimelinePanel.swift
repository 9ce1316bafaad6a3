import Foundation
import NoiseStep

/// The settings over the plot view's steps, one row each (density on a log scale, the
/// quantile, samples on a log scale), each row from its smallest to its largest value in
/// view, so a key's step of 0.05 shows; on the same x axis as the loss plot above it, with
/// the same numbered marks where a setting changed.
enum TimelinePanel {
    struct Row: Equatable {
        var label: String
        /// One value per plot column.
        var values: [Double?]
        var range: ClosedRange<Double>
    }

    struct Content: Equatable {
        var rows: [Row]
        var settings: StepSettings
        var marks: [ChangeMark]
    }

    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, ui: DashboardUIState,
                        width: Int) -> Content {
        let axis = PlotAxis(series, ghost: ghost, view: ui.plotView)
        let columns = BraillePlot.plotColumns(width: width - 2)
        // The settings of the step at the middle of each column, where this run has one.
        let settings: [StepSettings?] = (0 ..< columns).map { column in
            guard let steps = axis.steps, let run = series.steps else { return nil }
            let step = steps.lowerBound + Int((Double(column) + 0.5) * Double(steps.count) / Double(max(1, columns)))
            return run.contains(step) ? series.timeline.settings(at: step) : nil
        }
        func row(_ label: String, _ value: (StepSettings) -> Double) -> Row {
            let values = settings.map { $0.map(value) }
            return Row(label: label, values: values, range: SeriesSampling.extent(values) ?? 0 ... 1)
        }
        return Content(rows: [row("dens.", { Foundation.log10(max($0.density, 1e-12)) }),
                              row("quant.", \.rejectQuantile),
                              row("samp.", { Foundation.log2(Double(max($0.samples, 1))) })],
                       settings: state.settings, marks: axis.marks(series.changes))
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        var title = TextLine("settings", .title)
        title.add([("  density ", .muted), (NumberFormat.scientific(content.settings.density), CellStyle(bold: true))])
        title.add([("  quantile ", .muted), (NumberFormat.fixed(content.settings.rejectQuantile, 2), CellStyle(bold: true))],
                  priority: 3)
        title.add([("  samples ", .muted), (NumberFormat.grouped(content.settings.samples), CellStyle(bold: true))],
                  priority: 2)
        canvas.box(rect, title: title)
        let inside = rect.inset(by: 1)
        let start = inside.column + BraillePlot.labelWidth + 1
        for (offset, row) in content.rows.enumerated() where offset < inside.height {
            let y = inside.row + offset
            canvas.put(row.label, column: start - 2 - row.label.count, row: y, style: .muted)
            canvas[start - 1, y] = Cell("│", .frame)
            canvas.put(Sparkline.glyphs(row.values, width: inside.right - start, range: row.range), column: start, row: y,
                       style: CellStyle(.changed))
        }
        ChangeMark.draw(content.marks, in: &canvas, row: rect.bottom - 1, left: start,
                        plotColumns: BraillePlot.plotColumns(width: inside.width))
    }
}
