/// One line of a plot: values already fitted to the plot's width, and its style.
struct PlotSeries {
    /// Evenly spaced points from the first step to the last; nil leaves a gap that the
    /// line bridges.
    var points: [Double?]
    var style: CellStyle
}

/// A line plot in braille dots with a labelled y-axis and the step range under it.
///
/// Layout inside `rect`: y labels right-aligned in the left columns, an axis column, the
/// dots, and one bottom row with the first and last step. The y-axis is labelled at the
/// top, middle and bottom rows. Values outside `range` are clamped to the edges.
enum BraillePlot {
    /// Cells left of the axis for labels.
    static let labelWidth = 7

    /// The number of dot columns a plot of `rect`'s width has: fit series to this.
    static func dotColumns(width: Int) -> Int { max(0, (width - labelWidth - 1) * 2) }

    /// Draws `series` (later ones on top) into `rect`.
    /// - Parameters:
    ///   - range: the plotted value range, bottom to top; must not be empty.
    ///   - label: the text of the y-axis label for a plotted value.
    ///   - steps: the first and last step of the data, written under the plot.
    static func draw(_ series: [PlotSeries], range: ClosedRange<Double>, label: (Double) -> String,
                     steps: ClosedRange<Int>?, in canvas: inout Canvas, rect: Rect) {
        let plotRows = rect.height - 1, plotColumns = rect.width - labelWidth - 1
        guard plotRows >= 1 && plotColumns >= 2 else { return }
        let axisColumn = rect.column + labelWidth
        drawAxis(range: range, label: label, rows: plotRows, axisColumn: axisColumn, in: &canvas, rect: rect)
        var dots = BrailleDots(columns: plotColumns, rows: plotRows)
        for line in series { plot(line, range: range, on: &dots) }
        dots.draw(into: &canvas, column: axisColumn + 1, row: rect.row)
        let bottom = rect.row + plotRows
        canvas[axisColumn, bottom] = Cell("└", .frame)
        if let steps {
            canvas.put(grouped(steps.lowerBound), column: axisColumn + 1, row: bottom, style: .muted)
            let last = "step " + grouped(steps.upperBound)
            canvas.put(last, column: rect.right - last.count, row: bottom, style: .muted)
        }
    }

    private static func drawAxis(range: ClosedRange<Double>, label: (Double) -> String, rows: Int,
                                 axisColumn: Int, in canvas: inout Canvas, rect: Rect) {
        let middle = (rows - 1) / 2
        for row in 0 ..< rows {
            let isTick = row == 0 || row == rows - 1 || row == middle
            canvas[axisColumn, rect.row + row] = Cell(isTick ? "┤" : "│", .frame)
            guard isTick else { continue }
            let fraction = rows == 1 ? 1 : 1 - Double(row) / Double(rows - 1)
            let value = range.lowerBound + fraction * (range.upperBound - range.lowerBound)
            let text = String(label(value).prefix(labelWidth - 1))
            canvas.put(text, column: axisColumn - 1 - text.count, row: rect.row + row, style: .muted)
        }
    }

    /// Joins the series' points with lines across the full dot width.
    private static func plot(_ series: PlotSeries, range: ClosedRange<Double>, on dots: inout BrailleDots) {
        let count = series.points.count, span = range.upperBound - range.lowerBound
        guard count > 0 && span > 0 else { return }
        var previous: (x: Int, y: Int)?
        for (index, value) in series.points.enumerated() {
            guard let value, value.isFinite else { continue }
            let x = count == 1 ? 0 : Int((Double(index) * Double(dots.dotWidth - 1) / Double(count - 1)).rounded())
            let fraction = min(max((value - range.lowerBound) / span, 0), 1)
            let y = Int(((1 - fraction) * Double(dots.dotHeight - 1)).rounded())
            if let previous { dots.line(from: previous, to: (x, y), style: series.style) }
            else { dots.set(x: x, y: y, style: series.style) }
            previous = (x, y)
        }
    }
}
