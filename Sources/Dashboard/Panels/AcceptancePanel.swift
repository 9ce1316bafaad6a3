import Foundation
import NoiseStep

/// What decides which perturbations are kept, and what that changed: the |α| threshold
/// (with its history), how the last step's |α| spread around it, how many weights each
/// step changed, and the share of weights at 0 (with its drift over the plotted steps).
///
/// The share kept is fixed by the quantile (the lower median keeps about half), so the
/// title names it only when a step kept another share (many α = 0); the threshold and
/// the spread are what vary from step to step. Sparklines cover the plots' steps.
enum AcceptancePanel {
    static let labelWidth = 9
    static let valueWidth = 15
    /// Columns per histogram bin: a bar two wide and a gap.
    static let binWidth = 3

    struct Content: Equatable {
        var kept: Int?
        var samples: Int?
        var quantile: Double
        var threshold: Double?
        /// log10 of the threshold per step, fitted to the sparkline.
        var thresholdHistory: [Double?]
        var spread: AlignmentSpread?
        var changed: [Double?]
        var weightsChanged: Int?
        /// The share of weights at 0 per column, the last one, and the first plotted.
        var zeros: [Double?]
        var sparsity: Double?
        var firstSparsity: Double?
        /// Whether the run has a step of this session (a resumed run's replayed steps have no threshold).
        var hasStep: Bool
    }

    /// Reads the last step's figures: from its snapshot, or for a run opened from its log
    /// before its next step, from the last record (which has no |α|).
    static func collect(_ state: SessionState, series: HistorySeries, ui: DashboardUIState, width: Int) -> Content {
        let sparkline = max(0, width - 4 - labelWidth - valueWidth)  // the inside's width less label and value
        let axis = PlotAxis(series, ghost: nil, view: ui.plotView)
        let means = { (values: TieredSeries) in axis.columns(values, count: sparkline).map { $0?.mean } }
        let last = series.last
        let samples = state.snapshot?.samples ?? last?.settings.samples
        let kept = state.snapshot?.kept ?? last.map { Int(($0.acceptanceRate * Double($0.settings.samples)).rounded()) }
        let zeros = means(series.sparsity)
        return Content(kept: kept, samples: samples,
                       quantile: state.snapshot?.rejectQuantile ?? state.settings.rejectQuantile,
                       threshold: state.snapshot?.alignmentSpread?.threshold, thresholdHistory: means(series.thresholdLog),
                       spread: state.snapshot?.alignmentSpread, changed: means(series.weightsChanged),
                       weightsChanged: state.snapshot?.weightsChanged ?? last?.weightsChanged,
                       zeros: zeros, sparsity: last?.sparsity, firstSparsity: zeros.first { $0 != nil } ?? nil,
                       hasStep: state.snapshot != nil)
    }

    /// Whether `kept` of `samples` differs from what quantile `q` keeps by construction.
    static func keptIsNews(kept: Int, samples: Int, quantile: Double) -> Bool {
        abs(Double(kept) - (1 - quantile) * Double(samples)) > 1 + 0.02 * Double(samples)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = TextLine("acceptance", .title)
        title.add(", quantile " + NumberFormat.fixed(content.quantile, 2), CellStyle(.acceptance, bold: true))
        if let kept = content.kept, let samples = content.samples,
           keptIsNews(kept: kept, samples: samples, quantile: content.quantile) {
            title.add(" · kept \(NumberFormat.grouped(kept))/\(NumberFormat.grouped(samples))", .plain, priority: 2)
        }
        canvas.box(rect, title: title, focused: focused)
        let inside = rect.inset(by: 1)
        guard inside.height >= 4 else { return }
        let threshold = content.threshold.map(NumberFormat.significant) ?? (content.hasStep ? "–" : "after a step")
        drawRow("|α| ≥", content.thresholdHistory, value: threshold, style: CellStyle(.acceptance), in: &canvas,
                row: inside.row, inside: inside)
        drawSpread(content, in: &canvas, area: Rect(column: inside.column, row: inside.row + 1, width: inside.width,
                                                     height: inside.height - 3))
        drawRow("changed", content.changed, value: content.weightsChanged.map { NumberFormat.grouped($0) + " weights" } ?? "",
                style: CellStyle(.changed), in: &canvas, row: inside.bottom - 2, inside: inside)
        drawRow("zeros", content.zeros, value: zerosValue(content), style: CellStyle(.sparsity), in: &canvas,
                row: inside.bottom - 1, inside: inside, minimumSpan: 0.01)
    }

    /// "33.0% +0.4": the share of weights at 0 and its change over the plotted steps, in points.
    private static func zerosValue(_ content: Content) -> String {
        guard let sparsity = content.sparsity else { return "" }
        let drift = content.firstSparsity.map { " " + Comparison.signed((sparsity - $0) * 100, 1) } ?? ""
        return NumberFormat.percent(sparsity) + drift
    }

    /// A label, a sparkline scaled to its own range (at least `minimumSpan` tall, about its
    /// middle), and the value right-aligned.
    private static func drawRow(_ label: String, _ values: [Double?], value: String, style: CellStyle,
                                in canvas: inout Canvas, row: Int, inside: Rect, minimumSpan: Double = 0) {
        canvas.put(label, column: inside.column + 1, row: row, style: .muted)
        // The sparkline's room, as `collect` fitted it; narrower than six cells it says nothing.
        let width = inside.width - 2 - labelWidth - valueWidth
        var range = SeriesSampling.extent(values) ?? 0 ... 1
        if range.upperBound - range.lowerBound < minimumSpan {
            let middle = (range.lowerBound + range.upperBound) / 2
            range = middle - minimumSpan / 2 ... middle + minimumSpan / 2
        }
        if width >= 6 {
            canvas.put(Sparkline.glyphs(values, width: width, range: range), column: inside.column + 1 + labelWidth,
                       row: row, style: style)
        }
        canvas.put(value, column: inside.right - 1 - value.count, row: row)
    }

    /// The last step's |α| as a histogram of eight bins, each a factor of 2, around the
    /// threshold: the rejected side dim, the kept side bright, a bar between them.
    private static func drawSpread(_ content: Content, in canvas: inout Canvas, area: Rect) {
        guard let spread = content.spread else {
            let text = "|α| spread: after the next step"
            if text.count <= area.width - 2 { canvas.put(text, column: area.column + 1, row: area.row, style: .muted) }
            return
        }
        let labelled = area.height >= 2
        let barRows = labelled ? area.height - 1 : area.height
        let left = area.column + 1, peak = max(1, spread.bins.max() ?? 1)
        for (bin, count) in spread.bins.enumerated() {
            let kept = bin >= AlignmentSpread.firstKeptBin
            let column = left + bin * binWidth + (kept ? 1 : 0)
            let units = count == 0 ? 0 : max(1, Int((Double(count) / Double(peak) * Double(barRows * 8)).rounded()))
            for level in 0 ..< barRows {
                let filled = min(max(units - level * 8, 0), 8)
                guard filled > 0 else { continue }
                let cell = Cell(Sparkline.levels[filled - 1], CellStyle(kept ? .acceptance : .muted))
                canvas[column, area.row + barRows - 1 - level] = cell
                canvas[column + 1, area.row + barRows - 1 - level] = cell
            }
        }
        let divider = left + AlignmentSpread.firstKeptBin * binWidth
        for row in area.row ..< area.row + barRows { canvas[divider, row] = Cell("│", .frame) }
        if labelled {
            let half = AlignmentSpread.firstKeptBin * binWidth
            canvas.put(centred("rejected", half), column: left, row: area.bottom - 1, style: .muted)
            canvas.put(centred("kept", half), column: divider + 1, row: area.bottom - 1, style: .muted)
        }
        drawSpreadLegend(content, in: &canvas, area: area, from: divider + half + 2)
    }

    private static var half: Int { AlignmentSpread.firstKeptBin * binWidth }

    /// Beside the histogram, when there is room: what its axis means, and how many α were 0.
    private static func drawSpreadLegend(_ content: Content, in canvas: inout Canvas, area: Rect, from column: Int) {
        guard let spread = content.spread else { return }
        let zeros = "α = 0: " + NumberFormat.grouped(spread.zeros)
        // Half or more of α at 0 puts the threshold at 0: every α ≠ 0 is kept.
        let lines = spread.threshold > 0 ? [zeros, "│ threshold", "bins ×2 apart"] : [zeros, "threshold 0:", "|α| > 0 all kept"]
        let room = area.right - 1 - column
        for (offset, line) in lines.enumerated() where offset < area.height && line.count <= room {
            canvas.put(line, column: column, row: area.row + offset, style: .muted)
        }
    }

    private static func centred(_ text: String, _ width: Int) -> String {
        let padding = max(0, width - text.count) / 2
        return String(repeating: " ", count: padding) + text
    }
}
