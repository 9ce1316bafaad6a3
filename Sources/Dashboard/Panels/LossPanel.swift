import Foundation
import NoiseStep

/// The batch loss over the whole run, on a linear or log scale, raw or smoothed.
enum LossPanel {
    /// What the panel shows, already fitted to its width.
    struct Content: Equatable {
        /// Plotted values (log10 of the loss on the log scale), one per dot column or step.
        var points: [Double?]
        /// The plotted range, in the same units as `points`; nil before the first step.
        var range: ClosedRange<Double>?
        var logScale: Bool
        var smoothing: Bool
        var current: Double?
        /// The smoothed loss at the last step, when smoothing is on.
        var smoothedCurrent: Double?
        var steps: ClosedRange<Int>?
    }

    /// Collects the loss curve for a panel `width` cells wide.
    static func collect(_ state: SessionState, series: HistorySeries, ui: DashboardUIState, width: Int) -> Content {
        let losses = ui.smoothing ? series.smoothedLoss : series.loss
        var points = losses.fitted(to: BraillePlot.dotColumns(width: width - 2))
        if ui.logScale { points = points.map { $0.map(PlotPanelSupport.logarithm) } }
        return Content(points: points, range: PlotPanelSupport.range(of: points), logScale: ui.logScale,
                       smoothing: ui.smoothing, current: state.history.last?.loss,
                       smoothedCurrent: ui.smoothing ? series.lossAverage : nil, steps: series.steps)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = [("loss", CellStyle.title)]
        if let current = content.current { title.append((" " + significant(current), CellStyle(.loss, bold: true))) }
        if let smoothed = content.smoothedCurrent { title.append(("  smoothed " + significant(smoothed), .plain)) }
        title.append(((content.logScale ? "  log" : "  linear") + (content.smoothing ? " · ema" : ""), .muted))
        canvas.box(rect, title: title, focused: focused)
        guard let range = content.range else {
            return PlotPanelSupport.centred("waiting for the first step…", in: &canvas, rect: rect)
        }
        let logScale = content.logScale
        let label = { (value: Double) -> String in significant(logScale ? Foundation.pow(10, value) : value) }
        BraillePlot.draw([PlotSeries(points: content.points, style: CellStyle(.loss))], range: range,
                         label: label, steps: content.steps, in: &canvas, rect: rect.inset(by: 1))
    }
}
