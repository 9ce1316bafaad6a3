import Foundation
import NoiseStep

/// The settings changes of the run, newest first, numbered as the marks on the plots:
/// the step, what changed (from → to), and what it did so far, the mean batch accuracy
/// of the steps after it against as many steps before it (up to `effectWindow` each,
/// never across another change). With a compared run, its figures come first.
enum ChangesPanel {
    /// Steps compared on each side of a change, at most; fewer than `minimumWindow` say nothing yet.
    static let effectWindow = 200
    static let minimumWindow = 10

    struct Row: Equatable {
        var number: Int
        var step: Int
        var change: SettingsChange
        /// Batch accuracy after minus before, as a fraction; nil while too few steps are known.
        var effect: Double?
    }

    struct Content: Equatable {
        /// Newest first.
        var rows: [Row]
        var loss: Comparison?
        var accuracy: Comparison?
    }

    static func collect(series: HistorySeries, loss: Comparison?, accuracy: Comparison?, rows: Int) -> Content {
        let changes = series.changes
        var listed: [Row] = []
        for (index, change) in changes.enumerated().reversed() where listed.count < max(0, rows) {
            let next = index + 1 < changes.count ? changes[index + 1].step - 1 : (series.steps?.upperBound ?? change.step)
            let previous = index > 0 ? changes[index - 1].step : (series.steps?.lowerBound ?? change.step)
            listed.append(Row(number: change.number, step: change.step, change: change,
                              effect: effect(at: change.step, after: next, since: previous, in: series.batchAccuracy)))
        }
        return Content(rows: listed, loss: loss, accuracy: accuracy)
    }

    /// Mean of `values` over up to `effectWindow` steps from `step` (to `after`) minus the
    /// mean over as many steps before it (from `since`).
    static func effect(at step: Int, after: Int, since: Int, in values: TieredSeries) -> Double? {
        let width = min(effectWindow, after - step + 1, step - since)
        guard width >= minimumWindow, let later = values.summary(of: step ... step + width - 1),
              let earlier = values.summary(of: step - width ... step - 1) else { return nil }
        return later.mean - earlier.mean
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = TextLine("changes", .title)
        title.add("  Δ batch acc.", .muted, priority: 3)
        title.add(" after − before", .muted, priority: 2)
        title.add("  u undo · U launch", .muted, priority: 1)
        canvas.box(rect, title: title, focused: focused)
        let inside = rect.inset(by: 1)
        var row = inside.row
        if let accuracy = content.accuracy {
            drawComparison(accuracy, loss: content.loss, in: &canvas, row: row, inside: inside)
            row += 1
        }
        guard !content.rows.isEmpty else {
            let hint = ["none yet: [ ] - = < > a retune", "none yet: keys [ ] - = < > a", "none yet"]
            canvas.put(hint.first { $0.count <= inside.width - 2 } ?? "", column: inside.column + 1, row: row, style: .muted)
            return
        }
        for item in content.rows where row < inside.bottom {
            drawRow(item, in: &canvas, row: row, inside: inside)
            row += 1
        }
    }

    /// "vs other.nstep  loss −0.041  acc. +2.1"
    private static func drawComparison(_ accuracy: Comparison, loss: Comparison?, in canvas: inout Canvas, row: Int,
                                       inside: Rect) {
        var line = TextLine()
        line.add([("vs ", .muted), (accuracy.name, CellStyle(.ghost, bold: true))])
        if let difference = loss?.difference {
            line.add([("  loss ", .muted), (Comparison.signed(difference, 3), CellStyle(bold: true))], priority: 3)
        }
        if let difference = accuracy.difference {
            line.add([("  acc. ", .muted), (Comparison.signed(difference * 100, 1), CellStyle(bold: true))], priority: 4)
        }
        canvas.put(line, column: inside.column + 1, row: row, limit: inside.width - 2)
    }

    private static func drawRow(_ item: Row, in canvas: inout Canvas, row: Int, inside: Rect) {
        let number = String(item.number), step = NumberFormat.grouped(item.step)
        let effect = item.effect.map { Comparison.signed($0 * 100, 1) } ?? "…"
        let room = inside.width - 2 - number.count - 1 - step.count - 1 - effect.count - 1
        let what = SettingsChangeText.fitting(item.change, width: room)
        var column = canvas.put(number, column: inside.column + 1, row: row, style: CellStyle(.changed, bold: true))
        column = canvas.put(" " + step + " ", column: column, row: row, style: .muted)
        canvas.put(what, column: column, row: row, style: item.change.isSchedule ? .muted : .plain)
        let effectStyle = item.effect.map { $0 < 0 ? CellStyle(.bad, bold: true) : CellStyle(.good, bold: true) } ?? .muted
        canvas.put(effect, column: inside.right - 1 - effect.count, row: row, style: effectStyle)
    }
}
