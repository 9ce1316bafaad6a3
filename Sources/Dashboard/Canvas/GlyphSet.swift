/// Which characters a frame may use: Unicode (box drawing, braille, blocks), or plain
/// ASCII for terminals without a UTF-8 locale or without those glyphs (the Linux console,
/// a VT100).
///
/// Panels always draw in Unicode; a frame for an ASCII terminal is translated cell by
/// cell (`Canvas.translated(to:)`), so every glyph keeps its one column and the screen
/// stays aligned.
public enum GlyphSet: Sendable, Equatable {
    case unicode
    case ascii

    /// The glyphs for a terminal: ASCII unless the locale's character set is UTF-8 and
    /// the terminal type draws more than ASCII.
    /// - Parameters:
    ///   - codeset: the locale's character set (`nl_langinfo(CODESET)`), e.g. "UTF-8".
    ///   - term: the TERM variable.
    public static func choose(codeset: String, term: String) -> GlyphSet {
        let utf8 = ["UTF-8", "UTF8", "utf8", "utf-8"].contains(codeset)
        return utf8 && !asciiTerminals.contains(where: { term == $0 || term.hasPrefix($0 + "-") }) ? .unicode : .ascii
    }

    /// Terminal types (and their variants, "vt100-am") that show ASCII only.
    static let asciiTerminals = ["linux", "vt52", "vt100", "vt102", "vt220", "vt320", "ansi", "cons25"]
}

extension Canvas {
    /// This frame in `glyphs`: unchanged for Unicode; for ASCII every other character
    /// replaced by the ASCII character most like it (see `ASCIIGlyphs`).
    public func translated(to glyphs: GlyphSet) -> Canvas {
        guard glyphs == .ascii else { return self }
        var copy = self
        for row in 0 ..< height {
            for column in 0 ..< width {
                let cell = self[column, row]
                if !cell.character.isASCII { copy[column, row].character = ASCIIGlyphs.character(for: cell.character) }
            }
        }
        return copy
    }
}
