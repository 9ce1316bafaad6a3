/// One terminal cell: a single-column character and its style.
///
/// Characters must occupy exactly one terminal column (ASCII, box drawing, block
/// elements, braille); the canvas never holds wide characters.
public struct Cell: Equatable, Sendable {
    public var character: Character
    public var style: CellStyle

    public init(_ character: Character, _ style: CellStyle = .plain) {
        self.character = character
        self.style = style
    }

    public static let blank = Cell(" ")
}
