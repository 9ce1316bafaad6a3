import Foundation
import NoiseStep

/// Pieces the plot panels share.
enum PlotPanelSupport {
    /// A value range for a plot of `points`, widened when every point is equal so the
    /// line sits in the middle; nil when there are no points.
    static func range(of points: [Double?]) -> ClosedRange<Double>? {
        guard let extent = SeriesSampling.extent(points) else { return nil }
        guard extent.upperBound - extent.lowerBound < 1e-12 else { return extent }
        let margin = max(abs(extent.lowerBound) * 0.1, 0.01)
        return extent.lowerBound - margin ... extent.upperBound + margin
    }

    /// log10 of a positive quantity such as a loss, with zero and below mapped to 1e-9.
    static func logarithm(_ value: Double) -> Double { Foundation.log10(max(value, 1e-9)) }

    /// Writes `text` in the middle of `rect`, for an empty panel.
    static func centred(_ text: String, in canvas: inout Canvas, rect: Rect) {
        let inside = rect.inset(by: 1)
        let column = inside.column + max(0, (inside.width - text.count) / 2)
        canvas.put(text, column: column, row: inside.row + inside.height / 2, style: .muted, limit: inside.width)
    }

    /// Writes `lines` centred in `rect`'s inside, each dropped whole if too wide.
    static func centred(lines: [String], in canvas: inout Canvas, rect: Rect) {
        let inside = rect.inset(by: 1)
        let shown = lines.filter { $0.count <= inside.width }
        let top = inside.row + max(0, (inside.height - shown.count) / 2)
        for (index, line) in shown.enumerated() where index < inside.height {
            canvas.put(line, column: inside.column + (inside.width - line.count) / 2, row: top + index, style: .muted)
        }
    }
}

/// The x axis a run's plots share: the steps the plot view shows (the whole run, or a
/// zoomed window), over this run and the run shown beside it (`--compare`), so both line
/// up by step.
struct PlotAxis: Equatable {
    /// The first and last step of the axis; nil before the first step.
    var steps: ClosedRange<Int>?
    var view: PlotView

    init(_ series: HistorySeries, ghost: HistorySeries?, view: PlotView = PlotView()) {
        self.view = view
        steps = view.window(run: series.steps, ghost: ghost?.steps)
    }

    /// Steps the axis spans.
    var span: Int { steps?.count ?? 0 }

    /// Where `step` lies along the axis, 0...1 (outside for a step off it).
    func fraction(of step: Int) -> Double {
        guard let steps, span > 1 else { return 0 }
        return Double(step - steps.lowerBound) / Double(span - 1)
    }

    /// `series` over the axis in `count` columns.
    func columns(_ series: TieredSeries, count: Int) -> [StepSummary?] {
        guard let steps else { return [] }
        return series.columns(steps, count: min(count, span))
    }

    /// Steps behind each of `count` columns.
    func stepsPerColumn(_ count: Int) -> Double { Double(span) / Double(max(1, min(count, span))) }

    /// What the window is, for a title: "last 400 steps", "steps 800–1,199"; nil for the
    /// whole run.
    var windowLabel: String? {
        guard view.span != nil, let steps else { return nil }
        if view.isFollowing { return "last " + NumberFormat.grouped(steps.count) + " steps" }
        return "steps " + NumberFormat.grouped(steps.lowerBound) + "–" + NumberFormat.grouped(steps.upperBound)
    }

    /// The settings changes on the axis, each with its fraction of the axis.
    func marks(_ changes: [SettingsChange]) -> [ChangeMark] {
        guard let steps else { return [] }
        return changes.filter { steps.contains($0.step) }.map { ChangeMark(number: $0.number, fraction: fraction(of: $0.step)) }
    }
}

/// A settings change at a place on a plot's x axis, drawn as its number on the plot's
/// bottom edge (▴ where numbers would collide), the number the changes panel lists.
struct ChangeMark: Equatable {
    var number: Int
    var fraction: Double

    static let glyph: Character = "▴"

    /// Draws `marks` on `row`, the bottom edge of a plot whose dots start at `left` and
    /// take `plotColumns` cells.
    static func draw(_ marks: [ChangeMark], in canvas: inout Canvas, row: Int, left: Int, plotColumns: Int) {
        var free = left
        for mark in marks {
            let column = left + BraillePlot.column(atFraction: mark.fraction, plotColumns: plotColumns)
            let label = String(mark.number)
            let style = CellStyle(.changed, bold: true)
            if column >= free && column + label.count <= left + plotColumns {
                canvas.put(label, column: column, row: row, style: style)
                free = column + label.count + 1
            } else {
                canvas[column, row] = Cell(glyph, style)
                free = max(free, column + 1)
            }
        }
    }
}
