/// How each colour role looks: a foreground colour for each theme and colour depth, and
/// emphasis that keeps the screen readable without colour (monochrome or NO_COLOR).
///
/// The contrast rule: every role used for text or lines has a WCAG 2 contrast ratio of at
/// least 4.5 against the theme's background (black for dark, white for light), with
/// xterm's default palette (`rgb(of:)`). Eight-colour terminals reach it with bold, which
/// xterm draws in the bright colour; the roles too faint for it there (muted text) are
/// drawn dim in the terminal's own foreground. Faint curves (the raw curve behind a
/// smoothed one) are behind the rule on purpose.
public enum TerminalPalette {
    /// The colour number for `role` (−1: the terminal's own foreground).
    public static func color(for role: ColorRole, theme: Theme, depth: ColorDepth) -> Int16 {
        switch (theme, depth) {
        case (.dark, .full): darkFull(role)
        case (.light, .full): lightFull(role)
        case (.dark, .eight): darkEight(role)
        case (.light, .eight): lightEight(role)
        }
    }

    private static func darkFull(_ role: ColorRole) -> Int16 {
        switch role {
        case .plain, .ink: -1
        case .muted: 245
        case .frame: 67
        case .title: 80
        case .focus: 220
        case .changed: 214
        case .loss: 170
        case .batch: 81
        case .validation: 78
        case .sparsity: 111
        case .acceptance: 114
        case .good, .positive: 77
        case .bad, .negative: 203
        case .ghost: 208
        }
    }

    private static func lightFull(_ role: ColorRole) -> Int16 {
        switch role {
        case .plain, .ink: -1
        case .muted: 242
        case .frame: 241
        case .title: 24
        case .focus, .changed: 130
        case .loss: 90
        case .batch: 26
        case .validation, .acceptance, .good, .positive: 28
        case .sparsity: 54
        case .bad, .negative: 124
        case .ghost: 94
        }
    }

    private static func darkEight(_ role: ColorRole) -> Int16 {
        switch role {
        case .plain, .muted, .ink: -1
        case .frame, .sparsity, .title, .batch: 6
        case .focus, .changed: 3
        case .loss: 5
        case .validation, .acceptance, .good, .positive: 2
        case .bad, .negative: 1
        case .ghost: 3
        }
    }

    private static func lightEight(_ role: ColorRole) -> Int16 {
        switch role {
        case .plain, .muted, .ink, .validation, .acceptance, .good, .positive: -1
        case .frame, .sparsity, .title, .batch: 4
        case .focus, .changed, .bad, .negative, .ghost: 1
        case .loss: 5
        }
    }

    /// Whether the role is drawn dim: muted text on eight colours (on 256 it has a grey
    /// of its own).
    public static func isDim(_ role: ColorRole, depth: ColorDepth) -> Bool { depth == .eight && role == .muted }

    /// Whether the role is drawn bold: on eight colours, the roles whose plain colour is
    /// too faint for the contrast rule (xterm makes them bright), and without colour, the
    /// roles that must stand out.
    public static func isBold(_ role: ColorRole, theme: Theme, depth: ColorDepth?) -> Bool {
        guard let depth else { return [.title, .focus, .loss, .good, .bad].contains(role) }
        guard depth == .eight else { return false }
        switch theme {
        case .dark: return [.loss, .bad, .negative].contains(role)
        case .light: return [.validation, .acceptance, .good, .positive].contains(role)
        }
    }
}
