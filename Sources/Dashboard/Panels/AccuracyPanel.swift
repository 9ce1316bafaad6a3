import NoiseStep

/// Batch and validation accuracy over the whole run, on a fixed 0–100 % axis.
///
/// Smoothing applies to the batch accuracy only: validation accuracy is measured every
/// few steps on a fixed set and is already steady.
enum AccuracyPanel {
    struct Content: Equatable {
        var batch: [Double?]
        var validation: [Double?]
        var smoothing: Bool
        var currentBatch: Double?
        /// The most recent validation accuracy, from whichever step last measured it.
        var currentValidation: Double?
        var steps: ClosedRange<Int>?
    }

    static func collect(_ state: SessionState, series: HistorySeries, ui: DashboardUIState, width: Int) -> Content {
        let columns = BraillePlot.dotColumns(width: width - 2)
        let batch = ui.smoothing ? series.smoothedBatchAccuracy : series.batchAccuracy
        return Content(batch: batch.fitted(to: columns), validation: series.validationAccuracy.fitted(to: columns),
                       smoothing: ui.smoothing, currentBatch: state.history.last?.batchAccuracy,
                       currentValidation: series.lastValidationAccuracy, steps: series.steps)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = [("accuracy", CellStyle.title)]
        let batch = content.currentBatch.map(percent) ?? "–"
        let validation = content.currentValidation.map(percent) ?? "–"
        title.append(("  batch " + batch, CellStyle(.batch, bold: true)))
        title.append(("  validation " + validation, CellStyle(.validation, bold: true)))
        if content.smoothing { title.append(("  ema", .muted)) }
        canvas.box(rect, title: title, focused: focused)
        guard content.steps != nil else {
            return PlotPanelSupport.centred("waiting for the first step…", in: &canvas, rect: rect)
        }
        let series = [PlotSeries(points: content.batch, style: CellStyle(.batch)),
                      PlotSeries(points: content.validation, style: CellStyle(.validation, bold: true))]
        BraillePlot.draw(series, range: 0 ... 1, label: { String(Int(($0 * 100).rounded())) + "%" },
                         steps: content.steps, in: &canvas, rect: rect.inset(by: 1))
    }
}
