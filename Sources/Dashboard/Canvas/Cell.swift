/// What a colour means on screen. The terminal backend turns each role into a colour
/// pair, or into plain attributes on a monochrome terminal or under NO_COLOR.
public enum ColorRole: Int, Sendable, CaseIterable {
    case plain
    /// Panel borders and axes.
    case frame
    /// Secondary text: axis labels, hints, empty bar tracks.
    case muted
    case title
    /// The border and title of the panel that has keyboard focus.
    case focus
    case loss
    case batch
    case validation
    case sparsity
    case acceptance
    case changed
    /// Ink on the drawing pad.
    case ink
    /// Good news: running, a right prediction, the top class.
    case good
    /// Bad news: paused, a wrong prediction.
    case bad
    /// The curves of a run shown for comparison (`--compare`).
    case ghost
    /// Weights of +1 and −1 in the receptive fields.
    case positive
    case negative
}

/// How one cell is drawn: a colour role plus attributes.
public struct CellStyle: Hashable, Sendable {
    public var color: ColorRole
    public var bold: Bool
    public var reverse: Bool
    /// Faint: what stands behind the main curve (the raw curve under a smoothed one, the
    /// spread of the steps behind a point).
    public var faint: Bool

    public init(_ color: ColorRole = .plain, bold: Bool = false, reverse: Bool = false, faint: Bool = false) {
        self.color = color
        self.bold = bold
        self.reverse = reverse
        self.faint = faint
    }

    public static let plain = CellStyle()
    public static let frame = CellStyle(.frame)
    public static let muted = CellStyle(.muted)
    public static let title = CellStyle(.title, bold: true)
}

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
