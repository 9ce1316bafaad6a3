import Foundation

/// The model's probabilities for the pad as ten vertical bars, the top class highlighted,
/// and for a validation image its true label and whether the model got it right.
enum PredictionPanel {
    /// Vertical eighths, from one eighth of a cell to a full cell.
    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Cells per class: a bar three wide and a gap.
    static let slotWidth = 5

    struct Content: Equatable {
        var prediction: PadPrediction?
        /// The true label when the pad shows an unedited validation image.
        var label: Int?
    }

    static func collect(_ ui: DashboardUIState) -> Content {
        if case .validation(_, let label) = ui.padSource { return Content(prediction: ui.prediction, label: label) }
        return Content(prediction: ui.prediction, label: nil)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        guard let prediction = content.prediction else {
            canvas.box(rect, title: [("prediction", .title)])
            return PlotPanelSupport.centred("draw a digit, or press r for a validation image",
                                            in: &canvas, rect: rect)
        }
        let top = prediction.top
        var title = [("prediction ", CellStyle.title), ("\(top)", CellStyle(.good, bold: true)),
                     (" (\(percent(prediction.probabilities[top])))", .plain)]
        if let label = content.label {
            title.append(("  true \(label) ", .plain))
            title.append(label == top ? ("✓ right", CellStyle(.good, bold: true))
                                      : ("✗ wrong", CellStyle(.bad, bold: true)))
        }
        title.append(("  step \(grouped(prediction.step))", .muted))
        canvas.box(rect, title: title)
        drawBars(prediction, top: top, in: &canvas, inside: rect.inset(by: 1))
    }

    /// Bars fill all rows but the last two, which hold the digit and its percentage.
    private static func drawBars(_ prediction: PadPrediction, top: Int, in canvas: inout Canvas, inside: Rect) {
        let barRows = inside.height - 2
        guard barRows >= 1 else { return }
        let left = inside.column + max(0, (inside.width - slotWidth * prediction.probabilities.count) / 2)
        for (digit, probability) in prediction.probabilities.enumerated() {
            let style = digit == top ? CellStyle(.good, bold: true) : CellStyle(.batch)
            let column = left + digit * slotWidth
            let units = Int((min(max(probability, 0), 1) * Double(barRows * 8)).rounded())
            for level in 0 ..< barRows {
                let filled = min(max(units - level * 8, 0), 8)
                guard filled > 0 else { continue }
                let row = inside.row + barRows - 1 - level
                for offset in 1 ... 3 { canvas[column + offset, row] = Cell(eighths[filled - 1], style) }
            }
            let labelStyle = digit == top ? CellStyle(.good, bold: true, reverse: true) : CellStyle.plain
            canvas.put(" \(digit) ", column: column + 1, row: inside.row + barRows, style: labelStyle)
            let share = String(format: "%3d%%", Int((probability * 100).rounded()))
            canvas.put(share, column: column, row: inside.row + barRows + 1, style: digit == top ? .plain : .muted)
        }
    }
}
