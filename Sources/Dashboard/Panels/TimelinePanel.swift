import Foundation
import NoiseStep

/// The settings over the run, one row each (density on a log scale, quantile on 0–1,
/// samples on a log scale), on the same x axis as the loss plot above it, with the same
/// ▴ marks where a setting changed.
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
        var marks: [Double]
    }

    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, width: Int) -> Content {
        let axis = PlotAxis(series, ghost: ghost)
        let columns = BraillePlot.plotColumns(width: width - 2)
        let stepsHeld = max(1, series.stepSpan)
        func row(_ label: String, _ values: CompactSeries, fixed: ClosedRange<Double>? = nil) -> Row {
            // Fitted to the columns the run's own steps take on the shared axis, then stretched
            // across them, as the braille plot stretches its points.
            let taken = axis.span <= 1 ? columns : Int((Double(columns) * Double(stepsHeld) / Double(axis.span)).rounded(.up))
            let fitted = stretched(values.fitted(to: taken), to: min(columns, taken))
            let range = fixed ?? SeriesSampling.extent(fitted) ?? 0 ... 1
            return Row(label: label, values: fitted, range: range)
        }
        return Content(rows: [row("dens.", series.densityLog), row("quant.", series.rejectQuantile, fixed: 0 ... 1),
                              row("samp.", series.samplesLog)],
                       settings: state.settings, marks: series.changes.map { axis.fraction(of: $0.step) })
    }

    /// `values` spread over `columns` cells, each cell the value nearest its position.
    static func stretched(_ values: [Double?], to columns: Int) -> [Double?] {
        guard values.count > 1, columns > values.count else { return values }
        return (0 ..< columns).map { column in
            values[Int((Double(column) * Double(values.count - 1) / Double(columns - 1)).rounded())]
        }
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
        let plotColumns = BraillePlot.plotColumns(width: inside.width)
        for fraction in content.marks {
            let column = start + BraillePlot.column(atFraction: fraction, plotColumns: plotColumns)
            canvas[column, rect.bottom - 1] = Cell(LossPanel.markGlyph, CellStyle(.changed, bold: true))
        }
    }
}
