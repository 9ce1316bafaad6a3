@testable import Dashboard
import Testing

/// The contrast rule: every colour role drawn as text or lines reaches a WCAG contrast
/// ratio of 4.5 against the theme's background, with xterm's default palette.
@Suite struct PaletteTests {
    static let textRoles = ColorRole.allCases

    @Test(arguments: Theme.allCases, [ColorDepth.full, .eight])
    func everyRoleReadsOnItsBackground(theme: Theme, depth: ColorDepth) {
        let background = TerminalPalette.background(theme)
        for role in Self.textRoles where !(depth == .eight && role == .muted) {
            let ratio = TerminalPalette.contrastRatio(TerminalPalette.shownColor(of: role, theme: theme, depth: depth),
                                                      background)
            #expect(ratio >= 4.5, "\(role) on \(theme), \(depth): \(ratio)")
        }
    }

    /// The roles the eye must tell apart on the plots differ from one another.
    @Test(arguments: Theme.allCases)
    func curvesHaveColoursOfTheirOwn(theme: Theme) {
        let curves: [ColorRole] = [.loss, .batch, .validation, .ghost, .changed]
        let colors = curves.map { TerminalPalette.color(for: $0, theme: theme, depth: .full) }
        #expect(Set(colors).count == curves.count)
    }

    /// The standard formulas, on known values: black on white is 21:1, xterm's yellow on
    /// white (the unreadable pair) well under 4.5.
    @Test func contrastRatios() {
        #expect(abs(TerminalPalette.contrastRatio(SIMD3(0, 0, 0), SIMD3(1, 1, 1)) - 21) < 1e-9)
        #expect(TerminalPalette.contrastRatio(TerminalPalette.rgb(of: 3), SIMD3(1, 1, 1)) < 2)
        #expect(TerminalPalette.rgb(of: 16) == SIMD3(0, 0, 0) && TerminalPalette.rgb(of: 231) == SIMD3(1, 1, 1))
        #expect(TerminalPalette.rgb(of: 244) == SIMD3(repeating: 128.0 / 255))
    }

    @Test func theBackgroundIsDetectedFromTheTerminalsAnswerOrCOLORFGBG() {
        #expect(Theme.detect(backgroundReport: "11;rgb:ffff/ffff/ffff", colorFGBG: nil) == .light)
        #expect(Theme.detect(backgroundReport: "11;rgb:0000/0000/0000", colorFGBG: "0;15") == .dark)
        #expect(Theme.detect(backgroundReport: "11;rgb:fc/f8/e0", colorFGBG: nil) == .light)
        #expect(Theme.detect(backgroundReport: nil, colorFGBG: "0;15") == .light)
        #expect(Theme.detect(backgroundReport: nil, colorFGBG: "15;default;0") == .dark)
        #expect(Theme.detect(backgroundReport: nil, colorFGBG: nil) == nil)
    }

    @Test func anOSCAnswerIsAReportNotKeys() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1b}]11;rgb:ffff/ffff/ffff\u{1b}\\q".utf8)) == [.report("11;rgb:ffff/ffff/ffff"), .character("q")])
    }
}
