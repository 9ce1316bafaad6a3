import Foundation
import NoiseStep

/// The batch loss over the whole run, on a linear or log scale, raw or smoothed, with a
/// mark (▴) on the bottom edge under each step where a setting changed, and the compared
/// run's loss in grey behind it.
enum LossPanel {
    static let markGlyph: Character = "▴"

    /// What the panel shows, already fitted to its width.
    struct Content: Equatable {
        /// Plotted values (log10 of the loss on the log scale), one per dot column or step.
        var points: [Double?]
        var ghost: [Double?]
        /// The plotted range, in the same units as `points`; nil before the first step.
        var range: ClosedRange<Double>?
        var logScale: Bool
        var smoothing: Bool
        var current: Double?
        /// The smoothed loss at the last step, when smoothing is on.
        var smoothedCurrent: Double?
        var steps: ClosedRange<Int>?
        /// Where settings changed, as fractions 0...1 of the x axis.
        var marks: [Double]
    }

    /// Collects the loss curve for a panel `width` cells wide.
    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, ui: DashboardUIState,
                        width: Int) -> Content {
        let axis = PlotAxis(series, ghost: ghost)
        let dots = BraillePlot.dotColumns(width: width - 2)
        func curve(_ history: HistorySeries) -> [Double?] {
            let points = (ui.smoothing ? history.smoothedLoss : history.loss).fitted(to: dots, spanning: axis.span)
            return ui.logScale ? points.map { $0.map(PlotPanelSupport.logarithm) } : points
        }
        let points = curve(series), ghostPoints = ghost.map(curve) ?? []
        return Content(points: points, ghost: ghostPoints, range: PlotPanelSupport.range(of: points + ghostPoints),
                       logScale: ui.logScale, smoothing: ui.smoothing, current: state.history.last?.loss,
                       smoothedCurrent: ui.smoothing ? series.lossAverage : nil, steps: axis.steps,
                       marks: series.changes.map { axis.fraction(of: $0.step) })
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = TextLine("loss", .title)
        if let current = content.current {
            title.add(" " + NumberFormat.significant(current), CellStyle(.loss, bold: true))
        }
        if let smoothed = content.smoothedCurrent {
            title.add("  smoothed " + NumberFormat.significant(smoothed), .plain, priority: 3)
        }
        title.add((content.logScale ? "  log" : "  linear") + (content.smoothing ? " · ema" : ""), .muted, priority: 2)
        if !content.marks.isEmpty { title.add([("  \(markGlyph)", CellStyle(.changed)), (" setting changed", .muted)], priority: 1) }
        if !content.ghost.isEmpty { title.add([("  ⠤", CellStyle(.ghost)), (" ghost", .muted)], priority: 1) }
        canvas.box(rect, title: title, focused: focused)
        guard let range = content.range else {
            return PlotPanelSupport.centred("waiting for the first step", in: &canvas, rect: rect)
        }
        let logScale = content.logScale
        let label = { (value: Double) -> String in NumberFormat.significant(logScale ? Foundation.pow(10, value) : value) }
        let inside = rect.inset(by: 1)
        BraillePlot.draw([PlotSeries(points: content.ghost, style: CellStyle(.ghost)),
                          PlotSeries(points: content.points, style: CellStyle(.loss))],
                         range: range, label: label, steps: content.steps, in: &canvas, rect: inside)
        let plotColumns = BraillePlot.plotColumns(width: inside.width)
        for fraction in content.marks {
            let column = inside.column + BraillePlot.labelWidth + 1
                + BraillePlot.column(atFraction: fraction, plotColumns: plotColumns)
            canvas[column, rect.bottom - 1] = Cell(markGlyph, CellStyle(.changed, bold: true))
        }
    }
}
