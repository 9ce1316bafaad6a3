/// A complete frame: a grid of cells that panels draw into and the backend writes out.
///
/// Drawing outside the grid is clipped silently, so panels need not check bounds. The
/// canvas is a plain value: two frames compare cell by cell, and tests read it as text.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// [height, width] row-major.
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(column: 0, row: 0, width: width, height: height) }

    /// The cell at (`column`, `row`); writes outside the grid are ignored and reads give blank.
    public subscript(column: Int, row: Int) -> Cell {
        get { contains(column, row) ? cells[row * width + column] : .blank }
        set { if contains(column, row) { cells[row * width + column] = newValue } }
    }

    private func contains(_ column: Int, _ row: Int) -> Bool {
        column >= 0 && column < width && row >= 0 && row < height
    }

    /// Writes `text` left to right from (`column`, `row`), one character per cell, cut
    /// after `limit` cells when given.
    /// - Returns: the column after the last cell written, for chaining pieces of a line.
    @discardableResult
    public mutating func put(_ text: String, column: Int, row: Int, style: CellStyle = .plain,
                             limit: Int? = nil) -> Int {
        var x = column
        for character in text {
            if let limit, x - column >= limit { break }
            self[x, row] = Cell(character, style)
            x += 1
        }
        return x
    }

    /// Sets every cell of `rect` to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        for y in rect.row ..< rect.bottom {
            for x in rect.column ..< rect.right { self[x, y] = cell }
        }
    }

    /// The characters of `rect` (the whole canvas by default), one line per row, with
    /// trailing spaces removed: the form tests compare against.
    public func text(in rect: Rect? = nil) -> String {
        let area = rect ?? bounds
        var lines: [String] = []
        for y in area.row ..< area.bottom {
            var line = String((area.column ..< area.right).map { self[$0, y].character })
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
