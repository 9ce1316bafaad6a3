/// How one cell is drawn: a colour role plus attributes.
public struct CellStyle: Hashable, Sendable {
    public var color: ColorRole
    public var bold: Bool
    public var reverse: Bool
    /// Faint: what stands behind the main curve (the raw curve under a smoothed one).
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
