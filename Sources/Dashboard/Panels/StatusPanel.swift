import NoiseStep

/// The two status rows at the top (progress toward the target, then the settings) and
/// the message row at the bottom.
///
/// Every row keeps whole items only: on a narrow screen the least useful ones go first
/// (see `TextLine`), never half a word.
enum StatusPanel {
    struct Content: Equatable {
        var isPaused: Bool
        var step: Int
        var targetStep: Int
        var stepsPerSecond: Double
        var elapsedSeconds: Double
        var settings: StepSettings
        /// A density key turned the paper schedule off.
        var densityOverridesSchedule: Bool
        var alignment: AlignmentEngine
        var seed: UInt64
        var focus: Focus
        /// Steps that space or `t` add at the target.
        var leg: Int
        /// Training's pace, nil when it runs as fast as it can.
        var pace: Double? = nil
        /// The run shown for comparison, if any.
        var ghostName: String?
        /// The notice, while it lasts.
        var message: Notice?

        var atTarget: Bool { step >= targetStep }
    }

    /// Reads `state`; alignment and seed come from the last step, or from `configuration`
    /// before the first.
    static func collect(_ state: SessionState, ui: DashboardUIState, configuration: DashboardConfiguration) -> Content {
        Content(isPaused: state.isPaused, step: state.stepsDone, targetStep: state.targetStep,
                stepsPerSecond: state.stepsPerSecond, elapsedSeconds: state.elapsedSeconds, settings: state.settings,
                densityOverridesSchedule: ui.densityOverridesSchedule && state.settings.schedule == .fixed,
                alignment: state.snapshot?.alignment ?? configuration.alignment,
                seed: state.snapshot?.seed ?? configuration.seed, focus: ui.focus, leg: configuration.leg,
                pace: state.pace, ghostName: configuration.ghost?.name, message: ui.notice)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, status: Rect, message: Rect) {
        drawProgress(content, in: &canvas, rect: status.top(1))
        canvas.put(settingsLine(content), column: status.column, row: status.row + 1, limit: status.width)
        drawMessage(content, in: &canvas, rect: message)
    }

    /// "noisestep  RUNNING  step 812/1,500 ██████···· 54%  ETA 0:07  98.1 steps/s  elapsed 0:12 … focus training (Tab)".
    private static func drawProgress(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        let value = CellStyle(bold: true)
        var line = TextLine()
        line.add("noisestep ", .title, priority: 2)
        if content.atTarget && content.isPaused {
            line.add(" AT TARGET ", CellStyle(.changed, bold: true, reverse: true))
        } else {
            line.add(content.isPaused ? " PAUSED " : " RUNNING ",
                     CellStyle(content.isPaused ? .bad : .good, bold: true, reverse: true))
        }
        line.add([("  step ", .muted), (NumberFormat.grouped(content.step), value),
                  ("/" + NumberFormat.grouped(content.targetStep), .plain)])
        let fraction = content.targetStep > 0 ? Double(content.step) / Double(content.targetStep) : 1
        let meter = Meter(fraction: fraction, width: 10)
        line.add([(" ", .plain), (meter.filled, CellStyle(.good)), (meter.track, .muted)], priority: 6)
        line.add(" " + NumberFormat.percent(min(fraction, 1), digits: 0), .plain, priority: 7)
        if !content.isPaused && content.stepsPerSecond > 0 && !content.atTarget {
            let remaining = Double(content.targetStep - content.step) / content.stepsPerSecond
            line.add([("  ETA ", .muted), (NumberFormat.duration(remaining), value)], priority: 8)
        }
        if !content.isPaused {
            line.add([("  ", .plain), (NumberFormat.fixed(content.stepsPerSecond, 1), value), (" steps/s", .muted)],
                     priority: 5)
            if content.pace != nil {
                // "paced" outlasts the bar at 80 columns: it explains the slow steps/s and ETA.
                line.add("  paced", CellStyle(.changed), priority: 7)
                line.add(" (p: full speed)", CellStyle(.changed), priority: 4)
            }
        }
        line.add([("  elapsed ", .muted), (NumberFormat.duration(content.elapsedSeconds), value)], priority: 3)
        var focus = TextLine()
        focus.add([("focus ", .muted), (content.focus == .pad ? "pad" : "training", CellStyle(.focus, bold: true)),
                   (" (Tab)", .muted)])
        // The focus goes at the right edge while only the name and the elapsed time make way for it.
        let room = rect.width - focus.width - 2
        if room > 0 && line.fits(room, droppingOnlyBelow: 4) {
            canvas.put(line, column: rect.column, row: rect.row, limit: room)
            canvas.putRightAligned(focus, right: rect.right, row: rect.row, limit: focus.width)
        } else {
            canvas.put(line, column: rect.column, row: rect.row, limit: rect.width)
        }
    }

    private static func settingsLine(_ content: Content) -> TextLine {
        let value = CellStyle(bold: true), settings = content.settings
        var line = TextLine()
        let schedule: (String, CellStyle) = switch (settings.schedule, content.densityOverridesSchedule) {
        case (.paper, _): (" paper schedule", .muted)
        case (.fixed, true): (" set by key, schedule off (a: on)", CellStyle(.changed, bold: true))
        case (.fixed, false): (" fixed", .muted)
        }
        line.add([("density ", .muted), (NumberFormat.scientific(settings.density), value), schedule])
        line.add([("  samples ", .muted), (NumberFormat.grouped(settings.samples), value)], priority: 6)
        line.add([("  quantile ", .muted), (NumberFormat.fixed(settings.rejectQuantile, 2), value)], priority: 6)
        line.add([("  alignment ", .muted), (content.alignment.rawValue, value)], priority: 2)
        line.add([("  seed ", .muted), (String(content.seed), value)], priority: 1)
        if let ghost = content.ghostName {
            line.add([("  ghost ", .muted), (ghost, CellStyle(.ghost))], priority: 3)
        }
        return line
    }

    /// The notice, or the keys that make sense now, with the help key on the right.
    private static func drawMessage(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        canvas.put(helpHint, column: rect.right - helpHint.count, row: rect.row, style: .muted)
        let limit = hintsWidth(rect.width)
        if let message = content.message {
            canvas.put(message.text(fitting: limit), column: rect.column, row: rect.row, style: CellStyle(bold: true),
                       limit: limit)
        } else {
            canvas.put(hints(content), column: rect.column, row: rect.row, limit: limit)
        }
    }

    static let helpHint = "? help  q quit"
    /// The cells the hints may take on a message row `width` wide.
    static func hintsWidth(_ width: Int) -> Int { width - helpHint.count - 2 }

    /// The keys for the focused part, the most useful first, each with the key a click on
    /// it stands for.
    static func hintItems(focus: Focus, isPaused: Bool, atTarget: Bool, leg: Int) -> [(text: String, key: InputEvent)] {
        let leg = NumberFormat.grouped(leg)
        if focus == .pad {
            return [("drag or hjkl to draw", .character("h")), ("space paint", .character(" ")),
                    ("x erase", .character("x")), ("c clear", .character("c")), ("r validation image", .character("r")),
                    ("Tab training", .tab)]
        }
        let target: (String, InputEvent) = ("t target +\(leg)", .character("t"))
        let first: [(String, InputEvent)] = atTarget && isPaused ? [("space continue +\(leg)", .character(" ")), target]
            : [(isPaused ? "space resume" : "space pause", .character(" "))]
        let tuning: [(String, InputEvent)] = [
            ("n one step", .character("n")), ("[ ] quantile", .character("]")), ("z zoom", .character("z")),
            ("u undo", .character("u")), ("- = density", .character("=")), ("< > samples", .character(">")),
            ("e smooth", .character("e")), ("a schedule", .character("a")),
        ]
        return first + tuning + (first.count == 1 ? [target] : []) + [("Tab pad", .tab)]
    }

    /// The hints as a line: the first always, the rest dropped from the end as room runs out.
    static func hints(_ content: Content) -> TextLine {
        hintLine(hintItems(focus: content.focus, isPaused: content.isPaused, atTarget: content.atTarget,
                           leg: content.leg))
    }

    private static func hintLine(_ items: [(text: String, key: InputEvent)]) -> TextLine {
        var line = TextLine()
        for (index, item) in items.enumerated() {
            line.add(index == 0 ? item.text : " · " + item.text, .muted,
                     priority: index == 0 ? TextLine.required : items.count - index)
        }
        return line
    }

    /// The key of the hint at `column` of a message row `width` wide (the key bar is
    /// clickable), nil off every hint. A hint's cells are its words, not the " · " before it;
    /// "? help" and "q quit" on the right are keys too.
    static func hintKey(at column: Int, width: Int, focus: Focus, isPaused: Bool, atTarget: Bool,
                        leg: Int) -> InputEvent? {
        let help = width - helpHint.count
        if (help ..< help + 6).contains(column) { return .character("?") }
        if (help + 8 ..< width).contains(column) { return .character("q") }
        let items = hintItems(focus: focus, isPaused: isPaused, atTarget: atTarget, leg: leg)
        var start = 0
        for index in hintLine(items).keptItems(fitting: hintsWidth(width)) {
            let text = index == 0 ? items[index].text : " · " + items[index].text
            let words = start + (index == 0 ? 0 : 3) ..< start + text.count
            if words.contains(column) { return items[index].key }
            start += text.count
        }
        return nil
    }
}
