@testable import Dashboard
import Testing

@Suite struct InputDecoderTests {
    static func decode(_ text: String, expire: Bool = true) -> [InputEvent] {
        var decoder = InputDecoder()
        let events = decoder.feed(Array(text.utf8))
        return events + (expire ? decoder.expire() : [])
    }

    static func press(_ column: Int, _ row: Int) -> InputEvent { .mouse(MouseEvent(.press, column: column, row: row)) }
    static func drag(_ column: Int, _ row: Int) -> InputEvent { .mouse(MouseEvent(.drag, column: column, row: row)) }
    static func release(_ column: Int, _ row: Int) -> InputEvent { .mouse(MouseEvent(.release, column: column, row: row)) }

    @Test func plainKeysTabAndEnter() {
        #expect(Self.decode("q]\t\r") == [.character("q"), .character("]"), .tab, .character("\n")])
        #expect(Self.decode("é→") == [.character("é"), .character("→")])
    }

    @Test func arrowsInBothCursorModes() {
        #expect(Self.decode("\u{1b}[A\u{1b}[B\u{1b}[C\u{1b}[D") == [.up, .down, .right, .left])
        #expect(Self.decode("\u{1b}OA\u{1b}OD\u{1b}[1;5C") == [.up, .left, .right])
        #expect(Self.decode("\u{1b}[Z") == [.tab])
    }

    /// Every report of a burst, as xterm sends a fast stroke (SGR), each one an event.
    @Test func sgrMouseReports() {
        let stroke = "\u{1b}[<0;50;8M\u{1b}[<32;50;9M\u{1b}[<32;51;10M\u{1b}[<0;51;10m"
        #expect(Self.decode(stroke) == [Self.press(49, 7), Self.drag(49, 8), Self.drag(50, 9), Self.release(50, 9)])
        // Modifiers are ignored; the wheel; other buttons and motion without one are dropped.
        #expect(Self.decode("\u{1b}[<4;1;1M\u{1b}[<64;3;4M\u{1b}[<65;3;4M") == [
            Self.press(0, 0), .mouse(MouseEvent(.scrollUp, column: 2, row: 3)),
            .mouse(MouseEvent(.scrollDown, column: 2, row: 3)),
        ])
        #expect(Self.decode("\u{1b}[<2;5;5M\u{1b}[<2;5;5m\u{1b}[<35;5;5M\u{1b}[<1;5;5M").isEmpty)
    }

    @Test func x10MouseReports() {
        // Press, drag and release at cell (10, 3): bytes are value + 32, cells + 33.
        let bytes: [UInt8] = [0x1b, 0x5b, 0x4d, 32, 43, 36, 0x1b, 0x5b, 0x4d, 64, 44, 36, 0x1b, 0x5b, 0x4d, 35, 44, 36]
        var decoder = InputDecoder()
        #expect(decoder.feed(bytes) == [Self.press(10, 3), Self.drag(11, 3), Self.release(11, 3)])
        // Columns past 94 send bytes above 0x7F, which are not UTF-8.
        #expect(decoder.feed([0x1b, 0x5b, 0x4d, 32, 200, 40]) == [Self.press(167, 7)])
        // Motion without a button (any-event tracking) is no release.
        #expect(decoder.feed([0x1b, 0x5b, 0x4d, 67, 44, 36]).isEmpty)
    }

    /// A report split across reads is put together again.
    @Test func sequencesSplitAcrossReads() {
        var decoder = InputDecoder()
        #expect(decoder.feed(Array("\u{1b}[<0;1".utf8)).isEmpty)
        #expect(decoder.isPending)
        #expect(decoder.feed(Array("2;3M".utf8)) == [Self.press(11, 2)])
        #expect(!decoder.isPending)
    }

    /// What the dashboard does not use is swallowed whole: none of its bytes is a key.
    @Test func unknownSequencesNeverBecomeKeys() {
        let noise = [
            "\u{1b}[15~", "\u{1b}[200~", "\u{1b}[?1;2c", "\u{1b}]11;rgb:ffff/ffff/ffff\u{7}", "\u{1b}P1$r0m\u{1b}\\",
            "\u{1b}OP", "\u{1b}[I", "\u{1b}]", "\u{1b}a", "\u{1b}é", "\u{1b}[<0;1;1", "\u{1b}[M ",
        ]
        for sequence in noise {
            // (An OSC string is passed on as a report, the terminal's answer, never as keys.)
            let keys = Self.decode(sequence).filter { if case .report = $0 { false } else { true } }
            #expect(keys.isEmpty, "\(sequence.debugDescription)")
        }
        #expect(Self.decode("\u{1b}[" + String(repeating: "1", count: 100) + "]q") == [.character("q")])
    }

    /// Escape alone is a key once nothing follows it; Escape Escape is the key, then a start.
    @Test func aLoneEscape() {
        #expect(Self.decode("\u{1b}") == [.character("\u{1b}")])
        #expect(Self.decode("\u{1b}", expire: false).isEmpty)
        #expect(Self.decode("\u{1b}\u{1b}[A") == [.character("\u{1b}"), .up])
    }

    @Test func invalidUTF8IsDropped() {
        var decoder = InputDecoder()
        #expect(decoder.feed([0x80, 0xBF, 0xC3, 0x41, 0x71]) == [.character("q")])
    }
}
