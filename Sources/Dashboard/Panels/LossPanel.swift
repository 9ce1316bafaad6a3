import Foundation
import NoiseStep

/// The batch loss over the plot view's steps, on a linear or log scale, smoothed to the
/// chosen level with the raw curve faint behind, the numbers of the settings changes on
/// the bottom edge, and the compared run's loss behind, with its figure at the same step
/// in the title.
///
/// The axis spans every plotted point, the raw ones and the last step's loss included,
/// so nothing is drawn at its edge that lies beyond it. A point that stands for many
/// steps is their mean; when one of those steps lies far above the axis and its own
/// point (a loss above `peakFactor` times both: a spike the mean hides, not the steps'
/// usual scatter), ▲ marks its column and the title gives its loss.
enum LossPanel {
    static let peakFactor = 2.0

    /// What the panel shows, already fitted to its width.
    struct Content: Equatable {
        /// The curve drawn bright: smoothed, or raw when smoothing is off (log10 of the
        /// loss on the log scale), one per dot column.
        var points: [Double?]
        /// The raw curve behind a smoothed one; empty when smoothing is off.
        var raw: [Double?]
        /// A step far above the axis inside a point: the point's index and the step's loss
        /// (plotted units).
        var peak: Peak?
        var ghost: [Double?]
        /// The plotted range, in the same units as `points`; nil before the first step.
        var range: ClosedRange<Double>?
        var logScale: Bool
        var smoothing: Smoothing
        /// The last step's loss, and the curve's value there when smoothed.
        var current: Double?
        var smoothedCurrent: Double?
        /// The compared run: its name and its curve's value at this run's last plotted step.
        var comparison: Comparison?
        var steps: ClosedRange<Int>?
        var windowLabel: String?
        var marks: [ChangeMark]
    }

    /// Collects the loss curve for a panel `width` cells wide.
    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, ui: DashboardUIState,
                        width: Int, ghostName: String? = nil) -> Content {
        let axis = PlotAxis(series, ghost: ghost, view: ui.plotView)
        let dots = BraillePlot.dotColumns(width: width - 2)
        let scale = { (value: Double?) in ui.logScale ? value.map(PlotPanelSupport.logarithm) : value }
        let curve = PlotCurve(axis.columns(series.loss, count: dots), smoothing: ui.smoothing,
                              stepsPerColumn: axis.stepsPerColumn(dots), transform: scale)
        let ghostCurve = ghost.map {
            PlotCurve(axis.columns($0.loss, count: dots), smoothing: ui.smoothing,
                      stepsPerColumn: axis.stepsPerColumn(dots), transform: scale)
        }
        let ghostPoints = ghostCurve?.line ?? []
        let unscale = { (value: Double?) in ui.logScale ? value.map { Foundation.pow(10, $0) } : value }
        let last = scale(series.last?.loss), window = axis.steps
        let range = PlotPanelSupport.range(of: curve.line + curve.raw + ghostPoints
            + (window?.contains(series.steps?.upperBound ?? 0) == true ? [last] : []))
        let linear = PlotCurve(axis.columns(series.loss, count: dots), smoothing: .off, stepsPerColumn: 1)
        let peak = range.flatMap { unscale($0.upperBound) }.flatMap { linear.peak(above: $0 * peakFactor, factor: peakFactor) }
            .map { Peak(index: $0.column, count: dots, value: scale($0.value) ?? $0.value) }
        return Content(points: curve.line, raw: ui.smoothing == .off ? [] : curve.raw, peak: peak,
                       ghost: ghostPoints, range: range,
                       logScale: ui.logScale, smoothing: ui.smoothing, current: series.last?.loss,
                       smoothedCurrent: ui.smoothing == .off ? nil : unscale(curve.lastValue),
                       comparison: Comparison(name: ghostName, this: curve, other: ghostCurve, unscale: unscale),
                       steps: axis.steps, windowLabel: axis.windowLabel, marks: axis.marks(series.changes))
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        canvas.box(rect, title: title(content), focused: focused)
        guard let range = content.range else {
            return PlotPanelSupport.centred("waiting for the first step", in: &canvas, rect: rect)
        }
        let logScale = content.logScale
        let label = { (value: Double) -> String in NumberFormat.significant(logScale ? Foundation.pow(10, value) : value) }
        let inside = rect.inset(by: 1)
        let faint = CellStyle(.loss, faint: true)
        BraillePlot.draw([PlotSeries(points: content.raw, style: faint),
                          PlotSeries(points: content.ghost, style: CellStyle(.ghost)),
                          PlotSeries(points: content.points, style: CellStyle(.loss))],
                         range: range, label: label, steps: content.steps, in: &canvas, rect: inside)
        let plotColumns = BraillePlot.plotColumns(width: inside.width)
        ChangeMark.draw(content.marks, in: &canvas, row: rect.bottom - 1,
                        left: inside.column + BraillePlot.labelWidth + 1, plotColumns: plotColumns)
        if let peak = content.peak {
            let column = BraillePlot.column(atFraction: Double(peak.index) / Double(max(1, peak.count - 1)),
                                            plotColumns: plotColumns)
            canvas[inside.column + BraillePlot.labelWidth + 1 + column, inside.row] =
                Cell(BraillePlot.overflowAbove, CellStyle(.bad, bold: true))
        }
    }

    /// A step far above the axis inside point `index` of `count`.
    struct Peak: Equatable {
        var index: Int
        var count: Int
        var value: Double
    }

    private static func title(_ content: Content) -> TextLine {
        var title = TextLine("loss", .title)
        if let current = content.current {
            title.add(" " + NumberFormat.significant(current), CellStyle(.loss, bold: true))
        }
        if let smoothed = content.smoothedCurrent {
            title.add("  \(content.smoothing.label) " + NumberFormat.significant(smoothed), .plain, priority: 5)
        }
        if let window = content.windowLabel { title.add("  " + window, CellStyle(.focus, bold: true), priority: 6) }
        if let peak = content.peak {
            let value = content.logScale ? Foundation.pow(10, peak.value) : peak.value
            title.add("  ▲ a step at " + NumberFormat.significant(value), CellStyle(.bad, bold: true), priority: 7)
        }
        content.comparison?.add(to: &title, format: NumberFormat.significant, difference: { Comparison.signed($0, 3) })
        // A log axis is named before anything but the window is: its labels read otherwise.
        title.add("  " + (content.logScale ? "log" : "linear"), .muted, priority: content.logScale ? 5 : 2)
        return title
    }
}
