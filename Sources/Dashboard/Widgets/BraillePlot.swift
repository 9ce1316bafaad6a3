import NoiseStep

/// A line plot in braille dots with a labelled y-axis and the step range under it.
///
/// Layout inside `rect`: y labels right-aligned in the left columns, an axis column, the
/// dots, and one bottom row with the first and last step. The y-axis is labelled at the
/// top, middle and bottom rows. Values outside `range` are clamped to the edges.
enum BraillePlot {
    /// Cells left of the axis for labels.
    static let labelWidth = 7

    /// The cell columns right of the axis in a plot `width` cells wide.
    static func plotColumns(width: Int) -> Int { max(0, width - labelWidth - 1) }
    /// The number of dot columns a plot of `width` cells has: fit series to this.
    static func dotColumns(width: Int) -> Int { plotColumns(width: width) * 2 }
    /// The cell column right of the axis, 0 ..< `plotColumns`, at `fraction` (0...1) of the x axis.
    static func column(atFraction fraction: Double, plotColumns: Int) -> Int {
        let dot = Int((min(max(fraction, 0), 1) * Double(max(0, plotColumns * 2 - 1))).rounded())
        return dot / 2
    }

    /// Draws `series` (later ones on top) into `rect`.
    /// - Parameters:
    ///   - range: the plotted value range, bottom to top; must not be empty.
    ///   - label: the text of the y-axis label for a plotted value.
    ///   - bottomPrefix: put before the bottom label, e.g. "≤" when values below are clamped.
    ///   - steps: the first and last step of the x axis, written under the plot.
    static func draw(_ series: [PlotSeries], range: ClosedRange<Double>, label: (Double) -> String,
                     bottomPrefix: String = "", steps: ClosedRange<Int>?, in canvas: inout Canvas, rect: Rect) {
        let plotRows = rect.height - 1, plotColumns = plotColumns(width: rect.width)
        guard plotRows >= 1 && plotColumns >= 2 else { return }
        let axisColumn = rect.column + labelWidth
        drawAxis(range: range, label: label, bottomPrefix: bottomPrefix, rows: plotRows, axisColumn: axisColumn,
                 in: &canvas, rect: rect)
        var dots = BrailleDots(columns: plotColumns, rows: plotRows)
        for line in series where line.marker == nil { plot(line, range: range, on: &dots) }
        dots.draw(into: &canvas, column: axisColumn + 1, row: rect.row)
        drawOverflow(series, range: range, in: &canvas, origin: (axisColumn + 1, rect.row), dots: dots)
        for line in series {
            if let marker = line.marker { scatter(line, marker: marker, range: range, dots: dots, in: &canvas,
                                                  origin: (axisColumn + 1, rect.row)) }
        }
        let bottom = rect.row + plotRows
        canvas[axisColumn, bottom] = Cell("└", .frame)
        if let steps { drawSteps(steps, in: &canvas, row: bottom, from: axisColumn + 1, to: rect.right) }
    }

    /// "1 … step 1,500" under the plot; on a narrow plot "1 … 1,500", or the last step alone.
    private static func drawSteps(_ steps: ClosedRange<Int>, in canvas: inout Canvas, row: Int, from left: Int, to right: Int) {
        let first = NumberFormat.grouped(steps.lowerBound), number = NumberFormat.grouped(steps.upperBound)
        let room = right - left
        let last = first.count + 1 + 5 + number.count <= room ? "step " + number : number
        if first.count + 1 + last.count <= room { canvas.put(first, column: left, row: row, style: .muted) }
        if last.count <= room { canvas.put(last, column: right - last.count, row: row, style: .muted) }
    }

    private static func drawAxis(range: ClosedRange<Double>, label: (Double) -> String, bottomPrefix: String,
                                 rows: Int, axisColumn: Int, in canvas: inout Canvas, rect: Rect) {
        let middle = (rows - 1) / 2
        for row in 0 ..< rows {
            let isTick = row == 0 || row == rows - 1 || row == middle
            canvas[axisColumn, rect.row + row] = Cell(isTick ? "┤" : "│", .frame)
            guard isTick else { continue }
            let fraction = rows == 1 ? 1 : 1 - Double(row) / Double(rows - 1)
            let value = range.lowerBound + fraction * (range.upperBound - range.lowerBound)
            let prefix = row == rows - 1 && rows > 1 ? bottomPrefix : ""
            let text = String((prefix + label(value)).prefix(labelWidth - 1))
            canvas.put(text, column: axisColumn - 1 - text.count, row: rect.row + row, style: .muted)
        }
    }

    /// The dot of point `index` of `count` with `value`; nil for a missing value.
    private static func dot(index: Int, count: Int, value: Double?, range: ClosedRange<Double>,
                            dots: BrailleDots) -> (x: Int, y: Int)? {
        let span = range.upperBound - range.lowerBound
        guard let value, value.isFinite, span > 0 else { return nil }
        let x = count == 1 ? 0 : Int((Double(index) * Double(dots.dotWidth - 1) / Double(count - 1)).rounded())
        let fraction = min(max((value - range.lowerBound) / span, 0), 1)
        return (x, Int(((1 - fraction) * Double(dots.dotHeight - 1)).rounded()))
    }

    /// Joins the series' points with lines across the full dot width.
    private static func plot(_ series: PlotSeries, range: ClosedRange<Double>, on dots: inout BrailleDots) {
        var previous: (x: Int, y: Int)?
        for (index, value) in series.points.enumerated() {
            guard let point = dot(index: index, count: series.points.count, value: value, range: range, dots: dots)
            else { continue }
            if let previous { dots.line(from: previous, to: point, style: series.style) }
            else { dots.set(x: point.x, y: point.y, style: series.style) }
            previous = point
        }
    }

    /// ▲ in the top row over every cell column where a point lies above the range, ▼ in
    /// the bottom row where one lies below: values clamped to an edge never pass for
    /// values at it.
    private static func drawOverflow(_ series: [PlotSeries], range: ClosedRange<Double>, in canvas: inout Canvas,
                                     origin: (column: Int, row: Int), dots: BrailleDots) {
        let margin = (range.upperBound - range.lowerBound) * 1e-6
        for line in series {
            let count = line.points.count
            for (index, value) in line.points.enumerated() {
                let x = count == 1 ? 0 : Int((Double(index) * Double(dots.dotWidth - 1) / Double(count - 1)).rounded())
                if let high = value, high > range.upperBound + margin {
                    canvas[origin.column + x / 2, origin.row] = Cell(overflowAbove, CellStyle(.bad, bold: true))
                }
                if let low = value, low < range.lowerBound - margin {
                    canvas[origin.column + x / 2, origin.row + dots.rows - 1] = Cell(overflowBelow, CellStyle(.bad, bold: true))
                }
            }
        }
    }

    static let overflowAbove: Character = "▲"
    static let overflowBelow: Character = "▼"

    /// Puts `marker` in the cell of every point.
    private static func scatter(_ series: PlotSeries, marker: Character, range: ClosedRange<Double>, dots: BrailleDots,
                                in canvas: inout Canvas, origin: (column: Int, row: Int)) {
        for (index, value) in series.points.enumerated() {
            guard let point = dot(index: index, count: series.points.count, value: value, range: range, dots: dots)
            else { continue }
            canvas[origin.column + point.x / 2, origin.row + point.y / 4] = Cell(marker, series.style)
        }
    }
}
