extension Canvas {
    /// Draws a single-line border around `rect` with `title` set into the top edge.
    public mutating func box(_ rect: Rect, title: String = "", focused: Bool = false) {
        box(rect, title: title.isEmpty ? TextLine() : TextLine(title, .title), focused: focused)
    }

    /// Draws a single-line border around `rect` with `title` set into the top edge.
    ///
    /// The title keeps the items that fit (see `TextLine`); a focused box is drawn in the
    /// focus colour and bold so it stands out in monochrome too, and its title is marked
    /// with ▸.
    mutating func box(_ rect: Rect, title: TextLine, focused: Bool = false) {
        guard rect.width >= 2 && rect.height >= 2 else { return }
        let style = focused ? CellStyle(.focus, bold: true) : .frame
        let right = rect.right - 1, bottom = rect.bottom - 1
        for x in rect.column + 1 ..< right {
            self[x, rect.row] = Cell("─", style)
            self[x, bottom] = Cell("─", style)
        }
        for y in rect.row + 1 ..< bottom {
            self[rect.column, y] = Cell("│", style)
            self[right, y] = Cell("│", style)
        }
        self[rect.column, rect.row] = Cell("┌", style)
        self[right, rect.row] = Cell("┐", style)
        self[rect.column, bottom] = Cell("└", style)
        self[right, bottom] = Cell("┘", style)
        guard !title.isEmpty && rect.width > 5 else { return }
        // "┌▸ title ─┐" or "┌ title ──┐": the same room either way, so focus never drops an item.
        let pieces = title.fitted(to: rect.width - 5)
        guard !pieces.isEmpty else { return }
        let lead: [(String, CellStyle)] = focused ? [("▸", CellStyle(.focus, bold: true)), (" ", style)] : [(" ", style)]
        put(lead + pieces + [(" ", style)], column: rect.column + 1, row: rect.row, limit: rect.width - 2)
    }

    /// Writes pieces of differently styled text one after another on a row, cut at `limit`
    /// cells. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ pieces: [(String, CellStyle)], column: Int, row: Int, limit: Int) -> Int {
        var x = column
        for (text, style) in pieces where x < column + limit {
            x = put(text, column: x, row: row, style: style, limit: column + limit - x)
        }
        return x
    }
}
