/// The `?` overlay: every key the dashboard understands, in a box over the middle of the screen.
enum HelpOverlay {
    /// (keys, what they do); an empty pair is a blank line.
    static func entries(recordingPath: String?) -> [(String, String)] {
        [
            ("Tab", "move focus between the training panels and the pad"),
            ("space", "pause / resume (training focus); paint (pad focus)"),
            ("n", "run one step while paused"),
            ("[  ]", "reject quantile − / + 0.05"),
            ("-  =", "density ÷ / × 1.25"),
            ("<  >", "samples ÷ / × 2"),
            ("a", "next density schedule"),
            ("l", "log-scale loss (training focus)"),
            ("e", "smooth the curves (moving average)"),
            ("s", recordingPath.map { "save: complete the step log \($0) up to now" } ?? "save (this session does not record)"),
            ("", ""),
            ("mouse", "press and drag on the pad to draw"),
            ("hjkl ←↓↑→", "move the pad cursor (pad focus)"),
            ("HJKL", "move and paint (pad focus)"),
            ("space  x", "paint / erase under the cursor (pad focus)"),
            ("c", "clear the pad (pad focus)"),
            ("r", "put a random validation image on the pad"),
            ("", ""),
            ("?", "show or hide this help"),
            ("q", "quit (Ctrl-C too)"),
        ]
    }

    static func draw(recordingPath: String?, in canvas: inout Canvas) {
        let entries = entries(recordingPath: recordingPath)
        let keyWidth = 11
        let width = min(canvas.width - 4, 2 + keyWidth + (entries.map(\.1.count).max() ?? 0) + 2)
        let height = min(canvas.height - 2, entries.count + 4)
        let rect = Rect(column: (canvas.width - width) / 2, row: (canvas.height - height) / 2,
                        width: width, height: height)
        canvas.fill(rect)
        canvas.box(rect, title: [("keys", .title), ("  every change applies from the next step", .muted)], focused: true)
        let inside = rect.inset(by: 1)
        for (index, entry) in entries.enumerated() where index + 1 < inside.height {
            let row = inside.row + 1 + index
            canvas.put(entry.0, column: inside.column + 1, row: row, style: CellStyle(.focus, bold: true))
            canvas.put(entry.1, column: inside.column + 1 + keyWidth, row: row, limit: inside.width - 2 - keyWidth)
        }
    }
}
