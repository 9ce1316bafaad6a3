/// A rectangle of terminal cells: `column`, `row` of its top-left cell and its size.
public struct Rect: Equatable, Sendable {
    public var column: Int
    public var row: Int
    public var width: Int
    public var height: Int

    public init(column: Int, row: Int, width: Int, height: Int) {
        self.column = column
        self.row = row
        self.width = width
        self.height = height
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// One past the last column.
    public var right: Int { column + width }
    /// One past the last row.
    public var bottom: Int { row + height }

    /// The rectangle shrunk by `amount` cells on every side (empty if nothing is left).
    public func inset(by amount: Int) -> Rect {
        Rect(column: column + amount, row: row + amount,
             width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }

    public func contains(column x: Int, row y: Int) -> Bool {
        x >= column && x < right && y >= row && y < bottom
    }

    /// The top `rows` rows (clamped to the rectangle).
    public func top(_ rows: Int) -> Rect {
        Rect(column: column, row: row, width: width, height: min(max(rows, 0), height))
    }

    /// Everything below the top `rows` rows.
    public func droppingTop(_ rows: Int) -> Rect {
        let taken = min(max(rows, 0), height)
        return Rect(column: column, row: row + taken, width: width, height: height - taken)
    }

    /// The left `columns` columns (clamped to the rectangle).
    public func left(_ columns: Int) -> Rect {
        Rect(column: column, row: row, width: min(max(columns, 0), width), height: height)
    }

    /// Everything right of the left `columns` columns.
    public func droppingLeft(_ columns: Int) -> Rect {
        let taken = min(max(columns, 0), width)
        return Rect(column: column + taken, row: row, width: width - taken, height: height)
    }
}
