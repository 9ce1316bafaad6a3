/// Pictures of 28 × 28 images in text cells: the pad at either scale, and a small braille
/// thumbnail (14 × 7 cells) of the image the model reads.
enum PixelArt {
    /// Shades from faint to full ink; a pixel shows the nearest one (blank below 1/8).
    static let shades: [Character] = ["░", "▒", "▓", "█"]
    /// Intensity from which a thumbnail dot or half-cell counts as ink.
    static let inkLevel: Float = 0.5

    /// The glyph for an intensity in 0...1.
    static func shade(_ value: Float) -> Character {
        let level = Int((value * Float(shades.count)).rounded())
        return level <= 0 ? " " : shades[min(level, shades.count) - 1]
    }

    /// One cell holding two pixels, one above the other: full, upper or lower half, or a
    /// faint shade when neither is ink but some is there.
    static func halfCell(top: Float, bottom: Float) -> Character {
        switch (top >= inkLevel, bottom >= inkLevel) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): max(top, bottom) >= 1 / 8 ? "░" : " "
        }
    }

    /// Draws the image `pixel(column, row)` (intensities 0...1) at `scale`, its top-left
    /// cell at (`column`, `row`).
    static func draw(_ pixel: (Int, Int) -> Float, scale: PadScale, style: CellStyle,
                     in canvas: inout Canvas, column: Int, row: Int) {
        let side = DrawingPad.side
        switch scale {
        case .double:
            for y in 0 ..< side {
                for x in 0 ..< side {
                    let cell = Cell(shade(pixel(x, y)), style)
                    canvas[column + 2 * x, row + y] = cell
                    canvas[column + 2 * x + 1, row + y] = cell
                }
            }
        case .half:
            for y in 0 ..< side / 2 {
                for x in 0 ..< side {
                    canvas[column + x, row + y] = Cell(halfCell(top: pixel(x, 2 * y), bottom: pixel(x, 2 * y + 1)), style)
                }
            }
        }
    }

    /// The cells of a braille thumbnail of a 28 × 28 image of bytes.
    static let thumbnailCells = (columns: DrawingPad.side / 2, rows: DrawingPad.side / 4)

    /// Draws `image` ([28, 28] bytes) as braille, one dot per pixel of ink, its top-left
    /// cell at (`column`, `row`); empty cells are left as they were.
    static func thumbnail(_ image: [UInt8], style: CellStyle, in canvas: inout Canvas, column: Int, row: Int) {
        let side = DrawingPad.side
        guard image.count == side * side else { return }
        var dots = BrailleDots(columns: thumbnailCells.columns, rows: thumbnailCells.rows)
        let threshold = UInt8(inkLevel * 255)
        for y in 0 ..< side {
            for x in 0 ..< side where image[y * side + x] >= threshold { dots.set(x: x, y: y, style: style) }
        }
        dots.draw(into: &canvas, column: column, row: row)
    }
}
