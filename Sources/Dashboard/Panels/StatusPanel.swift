import Foundation
import NoiseStep

/// The two status rows at the top (progress, then settings) and the message row at the bottom.
enum StatusPanel {
    struct Content: Equatable {
        var isPaused: Bool
        var step: Int
        var stepsPerSecond: Double
        var elapsedSeconds: Double
        var settings: StepSettings
        var alignment: AlignmentEngine
        var seed: UInt64
        var focus: Focus
        /// The local notice, else the session's last message, else nil.
        var message: String?
    }

    /// Reads `state`; alignment and seed come from the last step, or from `configuration`
    /// before the first.
    static func collect(_ state: SessionState, ui: DashboardUIState, configuration: DashboardConfiguration) -> Content {
        Content(isPaused: state.isPaused, step: state.snapshot?.step ?? 0, stepsPerSecond: state.stepsPerSecond,
                elapsedSeconds: state.elapsedSeconds, settings: state.settings,
                alignment: state.snapshot?.alignment ?? configuration.alignment,
                seed: state.snapshot?.seed ?? configuration.seed, focus: ui.focus,
                message: ui.notice?.text ?? state.event.map { SessionEventText.message($0, describe: configuration.describeError) })
    }

    static func draw(_ content: Content, in canvas: inout Canvas, status: Rect, message: Rect) {
        let running = content.isPaused ? (" PAUSED ", CellStyle(.bad, bold: true, reverse: true))
                                       : (" RUNNING ", CellStyle(.good, bold: true, reverse: true))
        let progress: [(String, CellStyle)] = [
            ("noisestep ", .title), running,
            ("  step ", .muted), (grouped(content.step), CellStyle(bold: true)),
            ("  ", .plain), (String(format: "%.1f", content.stepsPerSecond), CellStyle(bold: true)),
            (" steps/s", .muted),
            ("  elapsed ", .muted), (duration(content.elapsedSeconds), CellStyle(bold: true)),
        ]
        canvas.put(progress, column: status.column, row: status.row, limit: status.width)
        let focus: [(String, CellStyle)] = [
            ("focus ", .muted), (content.focus == .pad ? "pad" : "training", CellStyle(.focus, bold: true)),
            (" (Tab)", .muted),
        ]
        let focusWidth = focus.reduce(0) { $0 + $1.0.count }
        canvas.put(focus, column: status.right - focusWidth, row: status.row, limit: focusWidth)
        canvas.put(settingsLine(content), column: status.column, row: status.row + 1, limit: status.width)
        drawMessage(content, in: &canvas, rect: message)
    }

    private static func settingsLine(_ content: Content) -> [(String, CellStyle)] {
        let value = CellStyle(bold: true)
        return [
            ("density ", .muted), (scientific(content.settings.density), value),
            ("  samples ", .muted), (grouped(content.settings.samples), value),
            ("  reject quantile ", .muted), (String(format: "%.2f", content.settings.rejectQuantile), value),
            ("  schedule ", .muted), (content.settings.schedule.rawValue, value),
            ("  alignment ", .muted), (content.alignment.rawValue, value),
            ("  seed ", .muted), (String(content.seed), value),
        ]
    }

    /// The message, or a reminder of the keys for the focused part, with the help key on the right.
    private static func drawMessage(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        let help = "? help  q quit"
        canvas.put(help, column: rect.right - help.count, row: rect.row, style: .muted)
        let limit = rect.width - help.count - 2
        if let message = content.message {
            canvas.put(message, column: rect.column, row: rect.row, style: CellStyle(bold: true), limit: limit)
        } else if content.focus == .pad {
            canvas.put("pad: arrows/hjkl move · space paint · x erase · c clear · r validation image · Tab training",
                       column: rect.column, row: rect.row, style: .muted, limit: limit)
        } else {
            canvas.put("space pause · n step · [ ] quantile · - = density · < > samples · a schedule · s save",
                       column: rect.column, row: rect.row, style: .muted, limit: limit)
        }
    }
}
