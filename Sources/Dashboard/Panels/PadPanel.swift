import NoiseStep

/// The 28 × 28 drawing pad at either scale, with the keyboard cursor while the pad has
/// focus, and in its title where the picture came from.
enum PadPanel {
    struct Content: Equatable {
        var pad: DrawingPad
        var cursor: PadCursor?
        var source: PadSource
        var scale: PadScale
        /// The name of each class, for a validation image's label.
        var classNames: [String]
    }

    static func collect(_ ui: DashboardUIState, scale: PadScale, classNames: [String]) -> Content {
        Content(pad: ui.pad, cursor: ui.focus == .pad ? ui.cursor : nil, source: ui.padSource, scale: scale,
                classNames: classNames)
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect, focused: Bool) {
        canvas.box(rect, title: title(content, focused: focused), focused: focused)
        let inside = rect.inset(by: 1)
        let pad = content.pad
        PixelArt.draw({ pad[$0, $1] }, scale: content.scale, style: CellStyle(.ink), in: &canvas,
                      column: inside.column, row: inside.row)
        if let cursor = content.cursor { drawCursor(cursor, content: content, in: &canvas, inside: inside) }
    }

    private static func title(_ content: Content, focused: Bool) -> TextLine {
        var title = TextLine("pad", .title)
        switch content.source {
        case .validation(let index, let label, let edited):
            let name = label < content.classNames.count ? content.classNames[label] : String(label)
            title.add(" validation", .plain, priority: 2)
            title.add(" #\(NumberFormat.grouped(index))", .plain, priority: 3)
            title.add(": \(name)", CellStyle(bold: true))
            if edited { title.add(" edited", CellStyle(.changed, bold: true)) }
        case .drawing where content.pad.isEmpty:
            title.add(focused ? " draw with mouse or keys" : " Tab or click to draw", .muted, priority: 1)
        case .drawing:
            title.add(" drawing", .muted, priority: 1)
        }
        return title
    }

    /// Brackets on a blank pixel, the ink itself reversed on an inked one (double scale);
    /// at half scale the cell holding the cursor's pixel, reversed.
    private static func drawCursor(_ cursor: PadCursor, content: Content, in canvas: inout Canvas, inside: Rect) {
        let style = CellStyle(.focus, bold: true, reverse: true)
        switch content.scale {
        case .double:
            let glyph = PixelArt.shade(content.pad[cursor.column, cursor.row])
            let column = inside.column + 2 * cursor.column, row = inside.row + cursor.row
            canvas[column, row] = Cell(glyph == " " ? "[" : glyph, style)
            canvas[column + 1, row] = Cell(glyph == " " ? "]" : glyph, style)
        case .half:
            let column = inside.column + cursor.column, row = inside.row + cursor.row / 2
            let glyph = canvas[column, row].character
            canvas[column, row] = Cell(glyph == " " ? (cursor.row % 2 == 0 ? "▀" : "▄") : glyph, style)
        }
    }
}
