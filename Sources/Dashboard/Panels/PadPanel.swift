/// The 28 × 28 drawing pad, two terminal columns per pixel, with the keyboard cursor
/// while the pad has focus.
enum PadPanel {
    /// Shades from faint to full ink; a pixel shows the nearest one (blank below 1/8).
    static let shades: [Character] = ["░", "▒", "▓", "█"]

    struct Content: Equatable {
        var pad: DrawingPad
        var cursor: PadCursor?
        var source: PadSource
    }

    static func collect(_ ui: DashboardUIState) -> Content {
        Content(pad: ui.pad, cursor: ui.focus == .pad ? ui.cursor : nil, source: ui.padSource)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = [("pad", CellStyle.title)]
        if case .validation(let index, _) = content.source {
            title.append(("  validation image \(grouped(index))", .plain))
        } else if content.pad.isEmpty {
            title.append((focused ? "  draw with the mouse or keys" : "  Tab or click to draw", .muted))
        }
        canvas.box(rect, title: title, focused: focused)
        let inside = rect.inset(by: 1)
        for row in 0 ..< DrawingPad.side {
            for column in 0 ..< DrawingPad.side {
                let glyph = shade(content.pad[column, row])
                let cell = Cell(glyph, CellStyle(.ink))
                canvas[inside.column + 2 * column, inside.row + row] = cell
                canvas[inside.column + 2 * column + 1, inside.row + row] = cell
            }
        }
        if let cursor = content.cursor {
            // Brackets on a blank pixel, the ink itself reversed on an inked one.
            let style = CellStyle(.focus, bold: true, reverse: true)
            let glyph = shade(content.pad[cursor.column, cursor.row])
            let column = inside.column + 2 * cursor.column, row = inside.row + cursor.row
            canvas[column, row] = Cell(glyph == " " ? "[" : glyph, style)
            canvas[column + 1, row] = Cell(glyph == " " ? "]" : glyph, style)
        }
    }

    /// The glyph for an intensity in 0...1.
    static func shade(_ value: Float) -> Character {
        let level = Int((value * Float(shades.count)).rounded())
        return level <= 0 ? " " : shades[min(level, shades.count) - 1]
    }
}
