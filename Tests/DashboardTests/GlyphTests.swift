@testable import Dashboard
import Testing

@Suite struct GlyphTests {
    @Test func asciiWithoutUTF8OrOnAnASCIITerminal() {
        #expect(GlyphSet.choose(codeset: "UTF-8", term: "xterm-256color") == .unicode)
        #expect(GlyphSet.choose(codeset: "ANSI_X3.4-1968", term: "xterm-256color") == .ascii)
        #expect(GlyphSet.choose(codeset: "UTF-8", term: "linux") == .ascii)
        #expect(GlyphSet.choose(codeset: "UTF-8", term: "vt100") == .ascii)
        #expect(GlyphSet.choose(codeset: "UTF-8", term: "vt220-am") == .ascii)
        #expect(GlyphSet.choose(codeset: "UTF-8", term: "screen") == .unicode)
    }

    @Test func everyCellStaysOneASCIICharacter() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.box(canvas.bounds, title: "α≥", focused: true)
        canvas.put("█▄→é", column: 1, row: 1)
        let ascii = canvas.translated(to: .ascii)
        #expect(ascii.text() == """
            +> a> -+
            |#->?  |
            +------+
            """)
        #expect(canvas.translated(to: .unicode) == canvas)
    }

    /// Braille lines become slopes, bars and marks at the dots' height.
    @Test func brailleBecomesTheNearestStroke() {
        #expect(ASCIIGlyphs.braille(0) == " ")
        #expect(ASCIIGlyphs.braille(0x01 | 0x08) == "'")   // top row
        #expect(ASCIIGlyphs.braille(0x40 | 0x80) == "_")   // bottom row
        #expect(ASCIIGlyphs.braille(0x02 | 0x10) == "-")   // second row
        #expect(ASCIIGlyphs.braille(0x40 | 0x08) == "/")   // low left, high right
        #expect(ASCIIGlyphs.braille(0x01 | 0x80) == "\\")  // high left, low right
        #expect(ASCIIGlyphs.braille(0x01 | 0x02 | 0x04) == "|")
    }
}

@Suite struct TextLineTests {
    @Test func itemsGoLowestPriorityFirstAndLaterBeforeEarlier() {
        var line = TextLine("step 40")
        line.add(" a", priority: 1)
        line.add(" b", priority: 2)
        line.add(" c", priority: 1)
        #expect(line.fitted(to: 20).map(\.0).joined() == "step 40 a b c")
        #expect(line.fitted(to: 11).map(\.0).joined() == "step 40 a b")
        #expect(line.fitted(to: 9).map(\.0).joined() == "step 40 b")
        #expect(line.fitted(to: 2).map(\.0).joined() == "step 40", "required items stay")
        #expect(line.fits(9, droppingOnlyBelow: 2))
        #expect(!line.fits(8, droppingOnlyBelow: 2))
    }
}
