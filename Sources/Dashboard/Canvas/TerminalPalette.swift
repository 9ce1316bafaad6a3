/// How each colour role looks: a foreground colour for colour terminals, and emphasis
/// that keeps the screen readable without colour (monochrome or NO_COLOR).
public enum TerminalPalette {
    public static func color(for role: ColorRole) -> TerminalColor {
        switch role {
        case .plain, .muted, .ink, .ghost: .standard
        case .frame, .sparsity: .blue
        case .title, .batch: .cyan
        case .focus, .changed: .yellow
        case .loss: .magenta
        case .validation, .acceptance, .good, .positive: .green
        case .bad, .negative: .red
        }
    }

    /// Whether the role is drawn dim (in colour and monochrome alike).
    public static func isDim(_ role: ColorRole) -> Bool { role == .muted || role == .ghost }

    /// Whether the role is drawn bold when there is no colour to set it apart.
    public static func isBoldWithoutColor(_ role: ColorRole) -> Bool {
        role == .title || role == .focus || role == .loss || role == .good || role == .bad
    }
}
