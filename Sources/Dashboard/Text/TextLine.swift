/// A line of styled text built from items that can be left out, the most expendable
/// first, so it fits a width without any item cut in half.
///
/// Each item is one or more styled pieces that stand or fall together (a label and its
/// value, say) and a priority: a lower priority is dropped first, and among equals the
/// later item. Items of `required` priority are never dropped; if they alone are too
/// long, the line is cut at the width, which a layout should make impossible.
struct TextLine {
    static let required = Int.max

    struct Item {
        var pieces: [(String, CellStyle)]
        var priority: Int
        var width: Int { pieces.reduce(0) { $0 + $1.0.count } }
    }

    private(set) var items: [Item] = []

    init() {}

    /// A line of one required piece.
    init(_ text: String, _ style: CellStyle = .plain) {
        add(text, style)
    }

    /// Appends one piece as an item of its own.
    mutating func add(_ text: String, _ style: CellStyle = .plain, priority: Int = required) {
        add([(text, style)], priority: priority)
    }

    /// Appends pieces that stand or fall together.
    mutating func add(_ pieces: [(String, CellStyle)], priority: Int = required) {
        items.append(Item(pieces: pieces, priority: priority))
    }

    /// Cells the whole line takes.
    var width: Int { items.reduce(0) { $0 + $1.width } }
    var isEmpty: Bool { items.isEmpty }

    /// The pieces left once items are dropped until the line is at most `width` cells.
    func fitted(to width: Int) -> [(String, CellStyle)] {
        fittedItems(to: width).flatMap(\.pieces)
    }

    /// Whether fitting to `width` drops only items of priority below `priority`.
    func fits(_ width: Int, droppingOnlyBelow priority: Int) -> Bool {
        let kept = fittedItems(to: width)
        return kept.reduce(0) { $0 + $1.width } <= width
            && items.filter { $0.priority >= priority }.count == kept.filter { $0.priority >= priority }.count
    }

    private func fittedItems(to width: Int) -> [Item] {
        keptItems(fitting: width).map { items[$0] }
    }

    /// The indices of the items kept when fitting to `width`, in order.
    func keptItems(fitting width: Int) -> [Int] {
        var kept = Array(items.indices)
        var total = self.width
        while total > width, let victim = Self.mostExpendable(kept.map { items[$0] }) {
            total -= items[kept[victim]].width
            kept.remove(at: victim)
        }
        return kept
    }

    /// The index of the lowest-priority droppable item, the last of equals.
    private static func mostExpendable(_ items: [Item]) -> Int? {
        var best: Int?
        for (index, item) in items.enumerated() where item.priority != required {
            if let known = best, items[known].priority < item.priority { continue }
            best = index
        }
        return best
    }
}

extension Canvas {
    /// Writes `line`, fitted to `limit` cells, from (`column`, `row`).
    /// - Returns: the column after the last cell written.
    @discardableResult
    mutating func put(_ line: TextLine, column: Int, row: Int, limit: Int) -> Int {
        put(line.fitted(to: limit), column: column, row: row, limit: limit)
    }

    /// Writes `line` fitted to `limit` cells so that it ends at column `right` − 1.
    mutating func putRightAligned(_ line: TextLine, right: Int, row: Int, limit: Int) {
        let pieces = line.fitted(to: limit)
        let width = pieces.reduce(0) { $0 + $1.0.count }
        put(pieces, column: right - width, row: row, limit: width)
    }
}
