extension InputReducer {
    /// Applies a key that acts on the pad while it has focus.
    /// - Returns: whether the key was a pad key (otherwise it keeps its global meaning).
    @discardableResult
    static func handlePadKey(_ event: InputEvent, ui: inout DashboardUIState) -> Bool {
        let cursor = ui.cursor.centre
        switch event {
        case .left, .character("h"): moveCursor(by: (-1, 0), painting: false, ui: &ui)
        case .right, .character("l"): moveCursor(by: (1, 0), painting: false, ui: &ui)
        case .up, .character("k"): moveCursor(by: (0, -1), painting: false, ui: &ui)
        case .down, .character("j"): moveCursor(by: (0, 1), painting: false, ui: &ui)
        case .character("H"): moveCursor(by: (-1, 0), painting: true, ui: &ui)
        case .character("L"): moveCursor(by: (1, 0), painting: true, ui: &ui)
        case .character("K"): moveCursor(by: (0, -1), painting: true, ui: &ui)
        case .character("J"): moveCursor(by: (0, 1), painting: true, ui: &ui)
        case .character(" "): edit(ui: &ui) { $0.stamp(at: cursor) }
        case .character("x"): edit(ui: &ui) { $0.stamp(at: cursor, erasing: true) }
        case .character("c"):
            ui.pad.clear()
            ui.padSource = .drawing
        default: return false
        }
        return true
    }

    /// Moves the cursor one pixel, staying on the pad; when `painting`, inks the way.
    private static func moveCursor(by offset: (Int, Int), painting: Bool, ui: inout DashboardUIState) {
        let from = ui.cursor
        ui.cursor.column = min(max(from.column + offset.0, 0), DrawingPad.side - 1)
        ui.cursor.row = min(max(from.row + offset.1, 0), DrawingPad.side - 1)
        let to = ui.cursor
        if painting { edit(ui: &ui) { $0.stroke(from: from.centre, to: to.centre) } }
    }

    /// Changes the pad; a validation image stays one, marked as edited.
    private static func edit(ui: inout DashboardUIState, _ change: (inout DrawingPad) -> Void) {
        change(&ui.pad)
        if case .validation(let index, let label, _) = ui.padSource {
            ui.padSource = .validation(index: index, label: label, edited: true)
        }
    }

    /// Mouse strokes: a press on the pad starts one while the pad has focus (otherwise it
    /// only gives the pad focus, and paints nothing), drags join each new point to the
    /// last with a line, a release ends it. A press on the prediction or the model's view
    /// gives the pad focus; one on a training panel gives those panels focus. Drags off
    /// the pad keep drawing up to its edge.
    static func handleMouse(_ mouse: MouseEvent, ui: inout DashboardUIState, layout: ScreenLayout) {
        switch mouse.action {
        case .press:
            if let pixels = layout.padPixels, pixels.contains(column: mouse.column, row: mouse.row),
               let point = layout.padPoint(column: mouse.column, row: mouse.row) {
                guard ui.focus == .pad else {
                    ui.focus = .pad
                    ui.strokeEnd = nil
                    return
                }
                edit(ui: &ui) { $0.stamp(at: point) }
                ui.strokeEnd = point
            } else if layout.isPadResult(column: mouse.column, row: mouse.row) {
                ui.focus = .pad
            } else if layout.isTrainingPanel(column: mouse.column, row: mouse.row) {
                ui.focus = .training
                ui.strokeEnd = nil
            }
        case .drag, .release:
            guard let last = ui.strokeEnd, let point = layout.padPoint(column: mouse.column, row: mouse.row) else {
                ui.strokeEnd = nil
                return
            }
            edit(ui: &ui) { $0.stroke(from: last, to: point) }
            ui.strokeEnd = mouse.action == .drag ? point : nil
        case .scrollUp, .scrollDown:
            break
        }
    }
}
