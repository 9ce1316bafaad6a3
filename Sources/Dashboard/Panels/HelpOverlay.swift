import NoiseStep

/// The `?` overlay: every key, then what every number on the screen means, one line
/// each, in pages that fit the screen (`?` turns the page).
enum HelpOverlay {
    /// Cells for the key (or number) column.
    static let keyWidth = 14

    /// What the overlay says that depends on the run.
    struct Context {
        var recordingPath: String?
        var leg: Int
        var validationDescription: String
        var evalEvery: Int
    }

    static func keys(_ context: Context) -> [(String, String)] {
        let leg = NumberFormat.grouped(context.leg)
        return [
            ("Tab", "move focus between the training panels and the pad"),
            ("space", "pause / resume; at the target, run \(leg) more steps"),
            ("n", "one step while paused"),
            ("t", "move the target \(leg) steps on"),
            ("[  ]", "reject quantile − / + 0.05 (takes it off its ramp)"),
            ("-  =", "density ÷ / × 1.25 (turns the paper schedule off)"),
            ("<  >", "samples ÷ / × 2"),
            ("a  z", "density schedule paper / fixed; keep by |α| or |α| ÷ se"),
            ("l  e", "log-scale loss; smooth the curves (moving average)"),
            ("s", context.recordingPath == nil ? "save (this session does not record)" : "save: complete the step log up to now"),
            ("mouse", "press and drag on the pad to draw; click to focus"),
            ("hjkl ←↓↑→", "move the pad cursor (pad focus); HJKL also paint"),
            ("space x c", "paint, erase, clear the pad (pad focus)"),
            ("r", "put a random validation image on the pad"),
            ("?  q", "next help page; quit (Ctrl-C too)"),
        ]
    }

    static func numbers(_ context: Context) -> [(String, String)] {
        let every = context.evalEvery > 0 ? "every \(NumberFormat.grouped(context.evalEvery)) steps" : "at the target"
        return [
            ("step", "steps done / the target; bar and ETA count toward it"),
            ("steps/s", "recent speed; elapsed leaves out the pauses"),
            ("loss", "mean cross-entropy of the step's batch, before its update"),
            ("batch ⠤", "accuracy on the step's training batch"),
            ("validation ◆", "accuracy on \(context.validationDescription), \(every)"),
            ("sparsity", "share of weights that are 0 (history: ≥ 10-point scale)"),
            ("kept", "perturbations whose |α| reached the threshold"),
            ("|α| ≥", "the threshold: quantile q of the step's |α| (α = grad·ν)"),
            ("|α|/se ≥", "the same, kept by reliability: se from the batch's chunks"),
            ("spread", "the last step's |α| in bins a factor of 2 apart"),
            ("changed", "weights the step moved one notch"),
            ("prediction", "softmax of logits ÷ the training temperature"),
            ("model sees", "the 28×28 image the model reads from the pad"),
            ("▴", "a step where density, quantile or samples changed"),
            ("by class", "validation split: rows true class, columns predicted"),
        ]
    }

    /// Lines on one page of a screen `screenHeight` rows tall (a heading, then entries).
    static func entriesPerPage(screenHeight: Int) -> Int { max(1, min(screenHeight - 2, 24) - 4) }

    /// The pages: each section split into pieces that fit.
    static func pages(_ context: Context, screenHeight: Int) -> [(heading: String, entries: [(String, String)])] {
        let size = entriesPerPage(screenHeight: screenHeight)
        var pages: [(String, [(String, String)])] = []
        for (heading, entries) in [("keys", keys(context)), ("what the numbers mean", numbers(context))] {
            for start in stride(from: 0, to: entries.count, by: size) {
                pages.append((heading, Array(entries[start ..< min(entries.count, start + size)])))
            }
        }
        return pages
    }

    static func pageCount(screenHeight: Int) -> Int {
        let context = Context(recordingPath: nil, leg: 1, validationDescription: "", evalEvery: 0)
        return pages(context, screenHeight: screenHeight).count
    }

    static func draw(_ context: Context, page: Int, in canvas: inout Canvas) {
        let pages = pages(context, screenHeight: canvas.height)
        guard !pages.isEmpty else { return }
        let shown = pages[min(max(page, 0), pages.count - 1)]
        let textWidth = pages.flatMap { $0.entries.map(\.1.count) }.max() ?? 0
        let width = min(canvas.width - 4, 2 + keyWidth + textWidth + 2)
        let height = min(canvas.height - 2, (pages.map(\.entries.count).max() ?? 0) + 3)
        let rect = Rect(column: (canvas.width - width) / 2, row: (canvas.height - height) / 2, width: width, height: height)
        canvas.fill(rect)
        var title = TextLine(shown.heading, .title)
        title.add("  page \(min(page, pages.count - 1) + 1)/\(pages.count)", .muted, priority: 3)
        title.add("  ? next page, any other key closes", .muted, priority: 2)
        canvas.box(rect, title: title, focused: true)
        let inside = rect.inset(by: 1)
        for (index, entry) in shown.entries.enumerated() where index + 1 < inside.height {
            let row = inside.row + 1 + index
            canvas.put(entry.0, column: inside.column + 1, row: row, style: CellStyle(.focus, bold: true))
            canvas.put(entry.1, column: inside.column + 1 + keyWidth, row: row, limit: inside.width - 2 - keyWidth)
        }
    }
}
