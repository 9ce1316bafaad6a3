import Foundation
import NoiseStep

/// Pieces the plot panels share.
enum PlotPanelSupport {
    /// A value range for a plot of `points`, widened when every point is equal so the
    /// line sits in the middle; nil when there are no points.
    static func range(of points: [Double?]) -> ClosedRange<Double>? {
        guard let extent = SeriesSampling.extent(points) else { return nil }
        guard extent.upperBound - extent.lowerBound < 1e-12 else { return extent }
        let margin = max(abs(extent.lowerBound) * 0.1, 0.01)
        return extent.lowerBound - margin ... extent.upperBound + margin
    }

    /// log10 of a positive quantity such as a loss, with zero and below mapped to 1e-9.
    static func logarithm(_ value: Double) -> Double { Foundation.log10(max(value, 1e-9)) }

    /// Writes `text` in the middle of `rect`, for an empty panel.
    static func centred(_ text: String, in canvas: inout Canvas, rect: Rect) {
        let inside = rect.inset(by: 1)
        let column = inside.column + max(0, (inside.width - text.count) / 2)
        canvas.put(text, column: column, row: inside.row + inside.height / 2, style: .muted, limit: inside.width)
    }

    /// Writes `lines` centred in `rect`'s inside, each dropped whole if too wide.
    static func centred(lines: [String], in canvas: inout Canvas, rect: Rect) {
        let inside = rect.inset(by: 1)
        let shown = lines.filter { $0.count <= inside.width }
        let top = inside.row + max(0, (inside.height - shown.count) / 2)
        for (index, line) in shown.enumerated() where index < inside.height {
            canvas.put(line, column: inside.column + (inside.width - line.count) / 2, row: top + index, style: .muted)
        }
    }
}
