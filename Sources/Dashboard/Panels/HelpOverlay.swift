import NoiseStep

/// The `?` overlay: every key, what every number on the screen means, and this run's
/// options, one line each, in pages that fit the screen (`?` turns the page).
enum HelpOverlay {
    /// Cells for the key (or number) column.
    static let keyWidth = 14

    /// What the overlay says that depends on the run.
    struct Context {
        var recordingPath: String?
        var leg: Int
        var validationDescription: String
        var evalEvery: Int
        /// The run's options, name and value, for the last section.
        var runOptions: [(String, String)] = []

        init(recordingPath: String?, leg: Int, validationDescription: String, evalEvery: Int,
             runOptions: [(String, String)] = []) {
            self.recordingPath = recordingPath
            self.leg = leg
            self.validationDescription = validationDescription
            self.evalEvery = evalEvery
            self.runOptions = runOptions
        }

        /// What a session shown with `configuration` says.
        init(recordingPath: String?, configuration: DashboardConfiguration) {
            self.init(recordingPath: recordingPath, leg: configuration.leg,
                      validationDescription: configuration.validationDescription, evalEvery: configuration.evalEvery,
                      runOptions: configuration.runOptions)
        }
    }

    static func keys(_ context: Context) -> [(String, String)] {
        let leg = NumberFormat.grouped(context.leg)
        return [
            ("Tab", "move focus between the training panels and the pad"),
            ("space", "pause / resume; at the target, run \(leg) more steps"),
            ("n", "one step while paused (at the target too)"),
            ("t", "move the target \(leg) steps on"),
            ("p", "train at a pace to watch, or as fast as it can (--pace)"),
            ("[  ]", "reject quantile − / + 0.05"),
            ("-  =", "density down / up 1.25× (turns the paper schedule off)"),
            ("<  >", "samples halved / doubled"),
            ("a", "density schedule: paper or fixed"),
            ("u  U", "undo the last settings key; back to the launch settings"),
            ("z  Z  ↑ ↓", "zoom the plots in / out: the last steps, following"),
            ("arrows ← →", "move a zoomed window back / toward now"),
            ("wheel", "zoom the plots around the pointer"),
            ("l  e", "log-scale loss; smoothing: raw, 10, 50, 200 steps"),
            ("w", "write the plotted history as CSV beside the step log"),
            ("b", "colours for a light / dark background (also --theme)"),
            ("s", context.recordingPath == nil ? "save (this session does not record)" : "save: complete the step log up to now"),
            ("mouse", "click the pad to focus it, then press and drag to draw"),
            ("hjkl arrows", "move the pad cursor (pad focus); HJKL also paint"),
            ("space x c", "paint, erase, clear the pad (pad focus)"),
            ("r", "put a random validation image on the pad"),
            ("?  q", "next help page; quit (Ctrl-C too; q closes help)"),
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
            ("at step N", "the validation figure is older than the last step"),
            ("faint", "the raw curve behind a smoothed one"),
            ("▲", "a step far above its point (a spike the mean hides)"),
            ("▼  ≤", "older steps below the accuracy axis, not at its edge"),
            ("1 2 3 ▴", "settings changes, numbered as in the changes panel"),
            ("changes Δ", "batch accuracy after the change − before (≤ 200 steps)"),
            ("|α| ≥", "the threshold: quantile q of the step's |α| (α = grad·ν)"),
            ("spread", "the last step's |α| in bins a factor of 2 apart"),
            ("changed", "weights the step moved one notch"),
            ("zeros", "share of weights that are 0; its change on the plots"),
            ("prediction", "calibrated probabilities; unsure: not like the data"),
            ("model sees", "the 28×28 image the model reads from the pad"),
            ("by class", "validation split: rows true class, columns predicted"),
        ]
    }

    /// Lines on one page of a screen `screenHeight` rows tall (a heading, then entries).
    static func entriesPerPage(screenHeight: Int) -> Int { max(1, min(screenHeight - 2, 24) - 4) }

    /// The pages: each section split into pieces that fit.
    static func pages(_ context: Context, screenHeight: Int) -> [(heading: String, entries: [(String, String)])] {
        let size = entriesPerPage(screenHeight: screenHeight)
        var pages: [(String, [(String, String)])] = []
        for (heading, entries) in [("keys", keys(context)), ("what the numbers mean", numbers(context)),
                                   ("this run", context.runOptions)] where !entries.isEmpty {
            for start in stride(from: 0, to: entries.count, by: size) {
                pages.append((heading, Array(entries[start ..< min(entries.count, start + size)])))
            }
        }
        return pages
    }

    static func pageCount(_ context: Context, screenHeight: Int) -> Int {
        pages(context, screenHeight: screenHeight).count
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
        title.add("  ? next, other keys close", .muted, priority: 1)
        canvas.box(rect, title: title, focused: true)
        let inside = rect.inset(by: 1)
        for (index, entry) in shown.entries.enumerated() where index + 1 < inside.height {
            let row = inside.row + 1 + index
            canvas.put(entry.0, column: inside.column + 1, row: row, style: CellStyle(.focus, bold: true))
            canvas.put(entry.1, column: inside.column + 1 + keyWidth, row: row, limit: inside.width - 2 - keyWidth)
        }
    }
}
