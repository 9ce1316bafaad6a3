import NoiseStep

/// The validation split by class: for each true class a row of what the model predicted
/// (the confusion matrix, its diagonal bright) and the class's accuracy.
enum ClassesPanel {
    struct Content: Equatable {
        var confusion: ConfusionMatrix?
        var step: Int
        var classNames: [String]
    }

    static func collect(_ state: SessionState, configuration: DashboardConfiguration) -> Content {
        Content(confusion: state.confusion, step: state.confusionStep, classNames: configuration.classNames)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        var title = TextLine("validation by class", .title)
        guard let matrix = content.confusion else {
            canvas.box(rect, title: title)
            return PlotPanelSupport.centred(lines: ["waiting for the first validation"], in: &canvas, rect: rect)
        }
        title.add([("  ", .plain), (NumberFormat.percent(matrix.accuracy), CellStyle(.validation, bold: true))])
        title.add("  \(NumberFormat.grouped(matrix.correct))/\(NumberFormat.grouped(matrix.total))", .muted, priority: 2)
        title.add("  step " + NumberFormat.grouped(content.step), .muted, priority: 3)
        title.add("  rows true, columns predicted", .muted, priority: 1)
        canvas.box(rect, title: title)
        drawMatrix(matrix, names: content.classNames, in: &canvas, inside: rect.inset(by: 1))
    }

    /// Rows: true class; columns: predicted class; then the row's accuracy.
    private static func drawMatrix(_ matrix: ConfusionMatrix, names: [String], in canvas: inout Canvas, inside: Rect) {
        let cellWidth = String(matrix.counts.max() ?? 0).count + 1
        let accuracyWidth = 7
        let named = names.count == matrix.classes
            && (names.map(\.count).max() ?? 0) + 1 + cellWidth * matrix.classes + accuracyWidth <= inside.width - 1
        let labels = named ? names : (0 ..< matrix.classes).map(String.init)
        let nameWidth = labels.map(\.count).max() ?? 1
        let left = inside.column + 1 + nameWidth + 1
        for predicted in 0 ..< matrix.classes {
            let header = String(predicted)
            canvas.put(header, column: left + (predicted + 1) * cellWidth - header.count, row: inside.row, style: .muted)
        }
        canvas.put("acc", column: left + matrix.classes * cellWidth + accuracyWidth - 3, row: inside.row, style: .muted)
        for truth in 0 ..< matrix.classes where truth + 1 < inside.height {
            let row = inside.row + 1 + truth
            canvas.put(labels[truth], column: inside.column + 1 + nameWidth - labels[truth].count, row: row, style: .muted)
            for predicted in 0 ..< matrix.classes {
                let count = matrix[truth, predicted]
                let text = count == 0 ? "·" : String(count)
                let style = truth == predicted ? CellStyle(.validation, bold: true) : (count == 0 ? .muted : .plain)
                canvas.put(text, column: left + (predicted + 1) * cellWidth - text.count, row: row, style: style)
            }
            let accuracy = matrix.accuracy(of: truth).map { NumberFormat.percent($0) } ?? "–"
            canvas.put(accuracy, column: left + matrix.classes * cellWidth + accuracyWidth - accuracy.count, row: row)
        }
    }
}
