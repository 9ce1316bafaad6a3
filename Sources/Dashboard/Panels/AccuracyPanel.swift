import Foundation
import NoiseStep

/// Batch accuracy as a braille line and validation accuracy as ◆ markers, so the two
/// differ without colour, on an axis zoomed to the range that matters.
///
/// The axis runs from the 10th percentile of the plotted values (rounded down to 5 %) to
/// their maximum (rounded up), at least 10 points tall (grown downward); the first steps, far below, are
/// drawn on the bottom edge, whose label then reads "≤". Smoothing applies to the batch
/// accuracy only: validation accuracy is measured every few steps on a fixed set and is
/// already steady.
enum AccuracyPanel {
    static let validationMarker: Character = "◆"
    /// Axis ends are multiples of this.
    static let axisStep = 0.05
    static let minimumSpan = 0.10

    struct Content: Equatable {
        var batch: [Double?]
        /// One value per cell column, for the markers.
        var validation: [Double?]
        var ghost: [Double?]
        var smoothing: Bool
        var currentBatch: Double?
        /// The most recent validation accuracy, from whichever step last measured it.
        var currentValidation: Double?
        var steps: ClosedRange<Int>?
    }

    static func collect(_ state: SessionState, series: HistorySeries, ghost: HistorySeries?, ui: DashboardUIState,
                        width: Int) -> Content {
        let axis = PlotAxis(series, ghost: ghost)
        let dots = BraillePlot.dotColumns(width: width - 2)
        let batch = ui.smoothing ? series.smoothedBatchAccuracy : series.batchAccuracy
        return Content(batch: batch.fitted(to: dots, spanning: axis.span),
                       validation: series.validationAccuracy.fitted(to: dots / 2, spanning: axis.span),
                       ghost: ghost.map { $0.batchAccuracy.fitted(to: dots, spanning: axis.span) } ?? [],
                       smoothing: ui.smoothing, currentBatch: state.history.last?.batchAccuracy,
                       currentValidation: series.lastValidationAccuracy, steps: axis.steps)
    }

    /// The plotted range for `values`, and whether some lie below it.
    static func zoomedRange(_ values: [Double?]) -> (range: ClosedRange<Double>, clipped: Bool) {
        guard let low = SeriesSampling.quantile(values, 0.1), let extent = SeriesSampling.extent(values) else {
            return (0 ... 1, false)
        }
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

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = TextLine("accuracy", .title)
        title.add([("  batch ", CellStyle(.batch)), ("⠤ ", CellStyle(.batch)),
                   (content.currentBatch.map { NumberFormat.percent($0) } ?? "–", CellStyle(.batch, bold: true))])
        title.add([("  validation ", CellStyle(.validation)), ("\(validationMarker) ", CellStyle(.validation, bold: true)),
                   (content.currentValidation.map { NumberFormat.percent($0) } ?? "–", CellStyle(.validation, bold: true))],
                  priority: 9)
        if content.smoothing { title.add("  ema", .muted, priority: 2) }
        if !content.ghost.isEmpty { title.add([("  ⠤", CellStyle(.ghost)), (" ghost", .muted)], priority: 1) }
        canvas.box(rect, title: title, focused: focused)
        guard content.steps != nil else {
            return PlotPanelSupport.centred("waiting for the first step", in: &canvas, rect: rect)
        }
        let (range, clipped) = zoomedRange(content.batch + content.validation + content.ghost)
        let series = [PlotSeries(points: content.ghost, style: CellStyle(.ghost)),
                      PlotSeries(points: content.batch, style: CellStyle(.batch)),
                      PlotSeries(points: content.validation, style: CellStyle(.validation, bold: true),
                                 marker: validationMarker)]
        BraillePlot.draw(series, range: range, label: { String(Int(($0 * 100).rounded())) + "%" },
                         bottomPrefix: clipped ? "≤" : "", steps: content.steps, in: &canvas, rect: rect.inset(by: 1))
    }
}
