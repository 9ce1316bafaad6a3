import NoiseStep

/// The first layer's weights as pictures: each hidden unit's 784 ternary weights laid out
/// as its 28 × 28 receptive field, shrunk to 14 × 7 cells (a cell is a 2 × 4 block of
/// pixels, shown by the sign of its weights' sum) in three shades: █ for +1, ▒ for −1,
/// blank for 0 (or a block that cancels out). A convolution's filter of at most 7 × 7
/// is drawn whole in the same 14 × 7 cells, a weight to two cells side by side.
enum FieldsPanel {
    static let fieldColumns = 14
    static let fieldRows = 7
    /// A block's weights must sum to at least this (in absolute value) to show a sign.
    static let minimumBlockSum = 2

    struct Content: Equatable {
        /// Per unit, [7, 14] row-major block signs in {−1, 0, +1}.
        var fields: [[Int8]]
        var units: Int
    }

    /// The fields of as many units as fit in `rect`, the first units of layer 0.
    static func collect(_ state: SessionState, rect: Rect) -> Content {
        let model = state.model, units = model.firstLayerUnits
        guard units > 0, let first = model.receptiveField(of: 0), !field(first).isEmpty else {
            return Content(fields: [], units: 0)
        }
        let inside = rect.inset(by: 1)
        let perRow = max(0, (inside.width + 1) / (fieldColumns + 1))
        let rows = max(0, inside.height / (fieldRows + 1))
        let count = min(units, perRow * rows)
        return Content(fields: (0 ..< count).compactMap { model.receptiveField(of: $0).map(field) }, units: units)
    }

    /// The block signs of one unit's 28 × 28 weights, or a small filter's own weights;
    /// empty for any other size.
    static func field(_ weights: [Int8]) -> [Int8] {
        let side = DrawingPad.side
        if weights.count != side * side { return filter(weights) }
        var blocks = [Int8](repeating: 0, count: fieldColumns * fieldRows)
        for blockRow in 0 ..< fieldRows {
            for blockColumn in 0 ..< fieldColumns {
                var sum = 0
                for y in blockRow * 4 ..< blockRow * 4 + 4 {
                    for x in blockColumn * 2 ..< blockColumn * 2 + 2 { sum += Int(weights[y * side + x]) }
                }
                blocks[blockRow * fieldColumns + blockColumn] = sum >= minimumBlockSum ? 1 : (sum <= -minimumBlockSum ? -1 : 0)
            }
        }
        return blocks
    }

    /// A k × k filter (k ≤ 7) in the top left of the 14 × 7 cells, each weight two cells
    /// wide; empty when the weights are not such a square.
    static func filter(_ weights: [Int8]) -> [Int8] {
        let side = Int(Double(weights.count).squareRoot())
        guard side > 0, side * side == weights.count, side <= fieldRows else { return [] }
        var cells = [Int8](repeating: 0, count: fieldColumns * fieldRows)
        for (index, weight) in weights.enumerated() {
            let at = (index / side) * fieldColumns + 2 * (index % side)
            (cells[at], cells[at + 1]) = (weight, weight)
        }
        return cells
    }

    static func draw(_ content: Content, in canvas: inout Canvas, rect: Rect) {
        var title = TextLine("first layer's weights", .title)
        if !content.fields.isEmpty {
            title.add("  units 0–\(content.fields.count - 1) of \(NumberFormat.grouped(content.units))", .plain, priority: 3)
        }
        title.add([("  █", CellStyle(.positive)), (" +1 ", .muted), ("▒", CellStyle(.negative)), (" −1", .muted)], priority: 2)
        canvas.box(rect, title: title)
        let inside = rect.inset(by: 1)
        let perRow = max(1, (inside.width + 1) / (fieldColumns + 1))
        for (index, field) in content.fields.enumerated() {
            let column = inside.column + (index % perRow) * (fieldColumns + 1)
            let row = inside.row + (index / perRow) * (fieldRows + 1)
            let label = "#\(index)"
            canvas.put(label, column: column + fieldColumns - label.count, row: row + fieldRows, style: .muted)
            for (offset, sign) in field.enumerated() where sign != 0 {
                canvas[column + offset % fieldColumns, row + offset / fieldColumns] =
                    sign > 0 ? Cell("█", CellStyle(.positive)) : Cell("▒", CellStyle(.negative))
            }
        }
    }
}
