/// A settings change at a place on a plot's x axis, drawn as its number on the plot's
/// bottom edge (▴ where numbers would collide), the number the changes panel lists.
struct ChangeMark: Equatable {
    var number: Int
    var fraction: Double

    static let glyph: Character = "▴"

    /// Draws `marks` on `row`, the bottom edge of a plot whose dots start at `left` and
    /// take `plotColumns` cells.
    static func draw(_ marks: [ChangeMark], in canvas: inout Canvas, row: Int, left: Int, plotColumns: Int) {
        var free = left
        for mark in marks {
            let column = left + BraillePlot.column(atFraction: mark.fraction, plotColumns: plotColumns)
            let label = String(mark.number)
            let style = CellStyle(.changed, bold: true)
            if column >= free && column + label.count <= left + plotColumns {
                canvas.put(label, column: column, row: row, style: style)
                free = column + label.count + 1
            } else {
                canvas[column, row] = Cell(glyph, style)
                free = max(free, column + 1)
            }
        }
    }
}
