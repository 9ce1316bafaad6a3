import NoiseStep

/// One line of a plot: values already fitted to the plot's width, and its style.
struct PlotSeries {
    /// Evenly spaced points across the x axis; nil leaves a gap that a line bridges.
    var points: [Double?]
    var style: CellStyle
    /// When set, each point is this glyph in its cell (a scatter of markers) instead of a
    /// braille line: a second series stays distinct without colour.
    var marker: Character?

    init(points: [Double?], style: CellStyle, marker: Character? = nil) {
        self.points = points
        self.style = style
        self.marker = marker
    }
}
