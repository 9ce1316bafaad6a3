/// The ASCII stand-in for each Unicode glyph the panels draw.
enum ASCIIGlyphs {
    static let table: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "┤": "+", "├": "+", "┴": "+", "┬": "+",
        "░": ".", "▒": ":", "▓": "*", "█": "#",
        "▁": "_", "▂": ".", "▃": ":", "▄": "-", "▅": "=", "▆": "+", "▇": "*",
        "▏": "|", "▎": "|", "▍": "|", "▌": "|", "▋": "|", "▊": "|", "▉": "|",
        "▀": "\"", "·": ".", "•": "*", "◆": "o", "▴": "^", "▲": "^", "▼": "v", "▸": ">", "…": "~",
        "–": "-", "—": "-", "−": "-", "→": ">", "←": "<", "↑": "^", "↓": "v", "×": "x", "÷": "/",
        "≥": ">", "≤": "<", "α": "a", "Δ": "D", "✓": "+", "✗": "x", "≈": "~",
    ]

    static func character(for character: Character) -> Character {
        if let known = table[character] { return known }
        if let scalar = character.unicodeScalars.first, (0x2800 ... 0x28FF).contains(scalar.value) {
            return braille(UInt8(scalar.value - 0x2800))
        }
        return "?"
    }

    /// A braille cell (2 × 4 dots) as the ASCII stroke closest to its dots: a slope (/ \)
    /// when the two dot columns sit at different heights, a bar for a tall stack, else a
    /// mark at the dots' height (' - _).
    static func braille(_ bits: UInt8) -> Character {
        // Dot (column, row) → bit, as in Unicode braille.
        let dots: [(column: Int, row: Int, bit: UInt8)] = [
            (0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08), (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80),
        ]
        let set = dots.filter { bits & $0.bit != 0 }
        guard !set.isEmpty else { return " " }
        let left = set.filter { $0.column == 0 }.map(\.row), right = set.filter { $0.column == 1 }.map(\.row)
        func mean(_ rows: [Int]) -> Double { Double(rows.reduce(0, +)) / Double(rows.count) }
        if !left.isEmpty && !right.isEmpty {
            let difference = mean(left) - mean(right)
            if difference >= 1 { return "/" }
            if difference <= -1 { return "\\" }
        }
        let rows = set.map(\.row)
        if (rows.max() ?? 0) - (rows.min() ?? 0) >= 2 { return "|" }
        let height = mean(rows)
        return height < 1 ? "'" : (height < 2.5 ? "-" : "_")
    }
}
