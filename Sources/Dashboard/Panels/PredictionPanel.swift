import NoiseStep

/// The model's probabilities for the pad, one row per class with its name, the top class
/// highlighted, and for a validation image whether the model got it right, its true class
/// marked ▸. With fewer rows than classes, the most probable classes are listed. When the
/// input is unlike the digits (`PadReading.Unsure`), the title says "unsure" instead of a
/// figure and the bars are drawn muted.
enum PredictionPanel {
    struct Content: Equatable {
        var prediction: PadPrediction?
        /// The true label when the pad shows a validation image, and whether it was edited.
        var label: Int?
        var edited: Bool
        var classNames: [String]
        /// "digit", or what the classes are (e.g. "garment").
        var classNoun: String
    }

    static func collect(_ ui: DashboardUIState, configuration: DashboardConfiguration) -> Content {
        var edited = false
        if case .validation(_, _, let wasEdited) = ui.padSource { edited = wasEdited }
        return Content(prediction: ui.prediction, label: ui.padSource.label, edited: edited,
                       classNames: configuration.classNames, classNoun: configuration.classNoun)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        guard let prediction = content.prediction else {
            canvas.box(rect, title: TextLine("prediction", .title))
            let article = "aeiou".contains(content.classNoun.first ?? "x") ? "an" : "a"
            return PlotPanelSupport.centred(lines: ["Tab or click to draw", "\(article) \(content.classNoun); r shows a",
                                                    "validation image"], in: &canvas, rect: rect)
        }
        canvas.box(rect, title: title(content, prediction: prediction))
        drawRows(content, prediction: prediction, in: &canvas, inside: rect.inset(by: 1))
    }

    private static func name(_ content: Content, _ index: Int) -> String {
        index < content.classNames.count ? content.classNames[index] : String(index)
    }

    private static func title(_ content: Content, prediction: PadPrediction) -> TextLine {
        let top = prediction.top
        var title = TextLine("prediction ", .title)
        if let unsure = prediction.unsure {
            title.add(name(content, top) + "?", CellStyle(.changed, bold: true))
            title.add(" unsure", CellStyle(.changed, bold: true))
            title.add(unsure == .shape ? ": no \(content.classNoun)'s shape" : ": unlike the \(content.classNoun)s", .plain,
                      priority: 5)
        } else {
            title.add(name(content, top), CellStyle(.good, bold: true))
            title.add(" " + NumberFormat.percent(prediction.probabilities[top]), .plain, priority: 5)
        }
        if let label = content.label {
            title.add(label == top ? " ✓" : " ✗", CellStyle(label == top ? .good : .bad, bold: true))
            title.add(label == top ? " right" : " wrong, true " + name(content, label), .plain, priority: 4)
            if content.edited { title.add(" (edited)", CellStyle(.changed), priority: 3) }
        }
        title.add("  step " + NumberFormat.grouped(prediction.step), .muted, priority: 1)
        return title
    }

    /// One row per class: name, a bar of its probability, the percentage.
    private static func drawRows(_ content: Content, prediction: PadPrediction, in canvas: inout Canvas, inside: Rect) {
        let classes = prediction.probabilities.indices
        let shown = classes.count <= inside.height ? Array(classes)
            : Array(classes.sorted { prediction.probabilities[$0] > prediction.probabilities[$1] }.prefix(inside.height))
                .sorted()
        // Names stay whole down to a bar of six cells.
        let nameWidth = min(classes.map { name(content, $0).count }.max() ?? 1, max(1, inside.width - 14))
        let barWidth = inside.width - 2 - nameWidth - 1 - 5
        for (offset, index) in shown.enumerated() {
            let row = inside.row + offset, probability = prediction.probabilities[index]
            let isTop = index == prediction.top, sure = prediction.unsure == nil
            let label = String(name(content, index).prefix(nameWidth))
            let labelStyle = isTop && sure ? CellStyle(.good, bold: true, reverse: true)
                : (index == content.label ? CellStyle(.validation, bold: true) : CellStyle.plain)
            canvas.put(label, column: inside.column + 1 + nameWidth - label.count, row: row, style: labelStyle)
            // The true class of a validation image, marked in the margin (its name may not fit the title).
            if index == content.label { canvas[inside.column, row] = Cell("▸", CellStyle(.validation, bold: true)) }
            Meter(fraction: probability, width: max(0, barWidth)).draw(into: &canvas, column: inside.column + nameWidth + 2,
                                                                      row: row, style: sure ? CellStyle(isTop ? .good : .batch)
                                                                          : .muted)
            let share = NumberFormat.percent(probability, digits: 0)
            canvas.put(share, column: inside.right - 1 - share.count, row: row, style: isTop ? .plain : .muted)
        }
    }
}
