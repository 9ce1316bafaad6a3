import Foundation
import NoiseStep

/// Batch accuracy as a braille line (smoothed to the chosen level, the raw curve faint
/// behind) and validation accuracy as ◆ markers, so the two differ without colour, on an
/// axis zoomed to the range that matters, with the compared run's batch accuracy behind.
///
/// The axis runs from the 10th percentile of the plotted values, or from the lowest of
/// the newest tenth of them if that is lower (rounded down to 5 %), to their maximum
/// (rounded up), at least 10 points tall: early steps far below sit on the bottom edge
/// under ▼ marks and a "≤" label, but a collapse now always stretches the axis down to
/// itself. The validation figure says which step measured it when that is not the last.
enum AccuracyPanel {
    static let validationMarker: Character = "◆"
    /// Axis ends are multiples of this.
    static let axisStep = 0.05
    static let minimumSpan = 0.10
    /// The newest share of the values that the axis always shows.
    static let recentShare = 0.1

    struct Content: Equatable {
        var batch: PlotCurve
        /// One value per cell column, for the markers.
        var validation: [Double?]
        var ghost: [Double?]
        var smoothing: Smoothing
        var currentBatch: Double?
        /// The most recent validation accuracy and the step that measured it.
        var currentValidation: MeasuredValue?
        /// The run's last step.
        var lastStep: Int?
        var comparison: Comparison?
        var steps: ClosedRange<Int>?
        var marks: [ChangeMark]
    }

    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, ui: DashboardUIState,
                        width: Int, ghostName: String? = nil) -> Content {
        let axis = PlotAxis(series, ghost: ghost, view: ui.plotView)
        let dots = BraillePlot.dotColumns(width: width - 2)
        let curve = { (history: HistorySeries) in
            PlotCurve(axis.columns(history.batchAccuracy, count: dots), smoothing: ui.smoothing,
                      stepsPerColumn: axis.stepsPerColumn(dots))
        }
        let batch = curve(series), ghostCurve = ghost.map(curve)
        return Content(batch: batch, validation: axis.columns(series.validationAccuracy, count: dots / 2).map { $0?.mean },
                       ghost: ghostCurve?.line ?? [], smoothing: ui.smoothing, currentBatch: series.last?.batchAccuracy,
                       currentValidation: series.lastValidation, lastStep: series.steps?.upperBound,
                       comparison: Comparison(name: ghostName, this: batch, other: ghostCurve),
                       steps: axis.steps, marks: axis.marks(series.changes))
    }

    /// The plotted range for `values` (oldest first), and whether some lie below it.
    static func zoomedRange(_ values: [Double?], recent: [Double?] = []) -> (range: ClosedRange<Double>, clipped: Bool) {
        guard let quantile = SeriesSampling.quantile(values, 0.1), let extent = SeriesSampling.extent(values + recent) else {
            return (0 ... 1, false)
        }
        let low = min(quantile, SeriesSampling.extent(recent)?.lowerBound ?? quantile)
        var bottom = Foundation.floor(low / axisStep + 1e-9) * axisStep
        var top = Foundation.ceil(extent.upperBound / axisStep - 1e-9) * axisStep
        if top - bottom < minimumSpan {
            // Grown downward from the top (the values that matter are the high ones), then
            // upward where 0 stops it.
            bottom = max(0, top - minimumSpan)
            top = min(1, bottom + minimumSpan)
        }
        return (max(0, bottom) ... min(1, top), extent.lowerBound < bottom - 1e-9)
    }

    /// The newest `recentShare` of `values` (at least one).
    static func recent(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }
        return Array(present.suffix(max(1, Int((Double(present.count) * recentShare).rounded(.up)))))
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        canvas.box(rect, title: title(content, width: rect.width), focused: focused)
        guard content.steps != nil else {
            return PlotPanelSupport.centred("waiting for the first step", in: &canvas, rect: rect)
        }
        let plotted = content.batch.line + content.batch.raw + content.validation + content.ghost
        let recentValues = recent(content.batch.line) + recent(content.batch.raw) + recent(content.validation)
        let (range, clipped) = zoomedRange(plotted, recent: recentValues)
        let faint = CellStyle(.batch, faint: true)
        let series = [PlotSeries(points: content.smoothing == .off ? [] : content.batch.raw, style: faint),
                      PlotSeries(points: content.ghost, style: CellStyle(.ghost)),
                      PlotSeries(points: content.batch.line, style: CellStyle(.batch)),
                      PlotSeries(points: content.validation, style: CellStyle(.validation, bold: true),
                                 marker: validationMarker)]
        let inside = rect.inset(by: 1)
        BraillePlot.draw(series, range: range, label: { String(Int(($0 * 100).rounded())) + "%" },
                         bottomPrefix: clipped ? "≤" : "", steps: content.steps, in: &canvas, rect: inside)
        ChangeMark.draw(content.marks, in: &canvas, row: rect.bottom - 1,
                        left: inside.column + BraillePlot.labelWidth + 1,
                        plotColumns: BraillePlot.plotColumns(width: inside.width))
    }

    /// The title; the validation figure keeps the step that measured it when that is not
    /// the last (shortened to "val. ◆ 43.6% @161" where the full words do not fit `width`).
    private static func title(_ content: Content, width: Int) -> TextLine {
        var title = TextLine("accuracy", .title)
        title.add([("  batch ", CellStyle(.batch)), ("⠤ ", CellStyle(.batch)),
                   (content.currentBatch.map { NumberFormat.percent($0) } ?? "–", CellStyle(.batch, bold: true))])
        if content.smoothing != .off, let smoothed = content.batch.lastValue {
            title.add("  \(content.smoothing.label) " + NumberFormat.percent(smoothed), .plain, priority: 5)
        }
        let figure = content.currentValidation.map { NumberFormat.percent($0.value) } ?? "–"
        let stale = content.currentValidation.flatMap { $0.step != content.lastStep ? $0.step : nil }
        let full = "  validation ◆ " + figure + (stale.map { " at step " + NumberFormat.grouped($0) } ?? "")
        let short = width >= title.width + full.count + 4
        var validation: [(String, CellStyle)] = [(short ? "  validation " : "  val. ", CellStyle(.validation)),
                                                 ("\(validationMarker) ", CellStyle(.validation, bold: true)),
                                                 (figure, CellStyle(.validation, bold: true))]
        if let stale { validation.append(((short ? " at step " : " @") + NumberFormat.grouped(stale), CellStyle(.changed))) }
        title.add(validation, priority: 9)
        content.comparison?.add(to: &title, format: { NumberFormat.percent($0) },
                                difference: { Comparison.signed($0 * 100, 1) })
        return title
    }
}
