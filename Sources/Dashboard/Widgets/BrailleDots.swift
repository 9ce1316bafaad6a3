/// A grid of braille dots over a rectangle of cells: each cell holds 2 × 4 dots, so a
/// w × h cell area has 2w × 4h dots. Dot (0, 0) is top-left.
///
/// Each cell remembers the style of the last dot set in it, since a terminal cell has
/// one colour.
struct BrailleDots {
    let columns: Int
    let rows: Int
    /// [rows, columns] row-major, the 8 dot bits of each cell in Unicode braille order.
    private var bits: [UInt8]
    private var styles: [CellStyle]

    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: .plain, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Bit of dot (x mod 2, y mod 4) in a braille character (U+2800 + bits).
    private static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets dot (x, y); dots outside the grid are ignored.
    mutating func set(x: Int, y: Int, style: CellStyle) {
        guard x >= 0 && x < dotWidth && y >= 0 && y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        bits[cell] |= Self.dotBits[y % 4][x % 2]
        styles[cell] = style
    }

    /// Whether dot (x, y) is set; false outside the grid.
    func isSet(x: Int, y: Int) -> Bool {
        guard x >= 0 && x < dotWidth && y >= 0 && y < dotHeight else { return false }
        return bits[(y / 4) * columns + x / 2] & Self.dotBits[y % 4][x % 2] != 0
    }

    /// Sets the dots on the straight segment from (x0, y0) to (x1, y1), both ends included.
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: CellStyle) {
        let steps = max(abs(end.x - start.x), abs(end.y - start.y))
        guard steps > 0 else { return set(x: start.x, y: start.y, style: style) }
        for step in 0 ... steps {
            let t = Double(step) / Double(steps)
            let x = Double(start.x) + t * Double(end.x - start.x)
            let y = Double(start.y) + t * Double(end.y - start.y)
            set(x: Int(x.rounded()), y: Int(y.rounded()), style: style)
        }
    }

    /// Copies every cell with at least one dot into `canvas`, its top-left cell at (`column`, `row`).
    func draw(into canvas: inout Canvas, column: Int, row: Int) {
        for y in 0 ..< rows {
            for x in 0 ..< columns where bits[y * columns + x] != 0 {
                let scalar = Unicode.Scalar(0x2800 + UInt32(bits[y * columns + x])) ?? " "
                canvas[column + x, row + y] = Cell(Character(scalar), styles[y * columns + x])
            }
        }
    }
}
