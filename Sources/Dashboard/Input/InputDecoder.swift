/// Turns the bytes a terminal sends into input events: UTF-8 characters, the cursor keys,
/// Tab, and mouse reports in both encodings xterm-like terminals use (SGR, `ESC [ <
/// b ; x ; y M|m`, and X10, `ESC [ M b x y`).
///
/// Every escape sequence is consumed whole, known or not, so a stray report (a terminal
/// left with mouse reporting on, a key the dashboard does not use, a sequence sent by a
/// terminal that was never asked for it) never arrives as a run of ordinary keys. A lone
/// Escape is told from the start of a sequence by time: `expire()` ends whatever is
/// pending once no byte has followed for the caller's escape delay; an Escape alone
/// becomes the key, an unfinished sequence is dropped.
///
/// Pure: it holds only the bytes of the event in progress.
public struct InputDecoder: Sendable {
    /// Longest escape sequence taken: anything longer is noise and is dropped.
    static let maximumSequence = 64

    /// The bytes of the event in progress: an unfinished sequence or UTF-8 character.
    private var pending: [UInt8] = []
    /// What ends a sequence too long to keep, whose bytes are being dropped.
    private var skipping: SkipEnd?

    private enum SkipEnd: Sendable {
        /// A control sequence's final byte, 0x40...0x7E.
        case finalByte
        /// BEL, or the ESC of `ESC \`, which ends a string sequence.
        case stringEnd
    }

    public init() {}

    /// Whether an event is half received, so the caller should call `expire()` if no more
    /// bytes arrive soon.
    public var isPending: Bool { !pending.isEmpty || skipping != nil }

    /// The events completed by `bytes`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [InputEvent] {
        var events: [InputEvent] = []
        for byte in bytes {
            if let end = skipping {
                let ended = end == .finalByte ? (0x40 ... 0x7E).contains(byte) : byte == 7 || byte == 0x1b
                if ended { skipping = nil }
                continue
            }
            pending.append(byte)
            switch Self.decode(pending) {
            case .incomplete:
                if pending.count > Self.maximumSequence {
                    skipping = [UInt8(ascii: "["), UInt8(ascii: "O")].contains(pending[1]) ? .finalByte : .stringEnd
                    pending.removeAll()
                }
            case .event(let event):
                pending.removeAll()
                if let event { events.append(event) }
            case .escapeThenRestart:
                // An Escape followed by another Escape: the first was a key of its own.
                pending = [byte]
                events.append(.character("\u{1b}"))
            }
        }
        return events
    }

    /// Ends what is pending after a pause: a lone Escape is the Escape key; part of a
    /// sequence or of a character is dropped.
    public mutating func expire() -> [InputEvent] {
        defer {
            pending.removeAll()
            skipping = nil
        }
        return pending == [0x1b] ? [.character("\u{1b}")] : []
    }

    private enum Outcome {
        case incomplete
        /// A whole event; nil for one that means nothing here (it is dropped).
        case event(InputEvent?)
        case escapeThenRestart
    }

    private static func decode(_ bytes: [UInt8]) -> Outcome {
        guard let first = bytes.first else { return .incomplete }
        if first == 0x1b { return escape(bytes) }
        if first < 0x80 { return .event(control(first)) }
        return utf8(bytes)
    }

    /// A single byte below 0x80: Tab, Enter, or a character.
    private static func control(_ byte: UInt8) -> InputEvent {
        switch byte {
        case 9: .tab
        case 10, 13: .character("\n")
        default: .character(Character(Unicode.Scalar(byte)))
        }
    }

    /// A multi-byte UTF-8 character; bytes that cannot start or continue one are dropped.
    private static func utf8(_ bytes: [UInt8]) -> Outcome {
        let first = bytes[0]
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0
        guard length > 0, bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return .event(nil) }
        guard bytes.count == length else { return .incomplete }
        return .event(String(validating: bytes, as: UTF8.self).flatMap(\.first).map { .character($0) })
    }

    /// ESC and what follows: CSI (`ESC [`), SS3 (`ESC O`), string sequences (OSC, DCS …,
    /// ended by BEL or `ESC \`), or ESC with one more character (Alt + key), all swallowed
    /// unless they name a key or a mouse report.
    private static func escape(_ bytes: [UInt8]) -> Outcome {
        guard bytes.count >= 2 else { return .incomplete }
        switch bytes[1] {
        case UInt8(ascii: "["): return csi(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return .incomplete }
            return .event(cursorKey(bytes[2]))
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"), UInt8(ascii: "X"):
            let last = bytes[bytes.count - 1]
            let terminator = last == 7 ? 1 : (bytes.count >= 4 && bytes[bytes.count - 2] == 0x1b && last == UInt8(ascii: "\\") ? 2 : 0)
            guard terminator > 0 else { return .incomplete }
            // An OSC string is a terminal's answer (its background colour): passed on as a report.
            guard bytes[1] == UInt8(ascii: "]") else { return .event(nil) }
            return .event(.report(String(decoding: bytes[2 ..< bytes.count - terminator], as: UTF8.self)))
        case 0x1b: return .escapeThenRestart
        default:
            // Alt + a key: the rest of a multi-byte character still belongs to it.
            return bytes[1] >= 0xC0 && bytes.count < 3 ? .incomplete : .event(nil)
        }
    }

    /// `ESC [` … a final byte in 0x40...0x7E; an X10 mouse report is `ESC [ M` and three
    /// raw bytes.
    private static func csi(_ bytes: [UInt8]) -> Outcome {
        if bytes.count >= 3 && bytes[2] == UInt8(ascii: "M") {
            guard bytes.count == 6 else { return .incomplete }
            return .event(MouseReport.x10(button: bytes[3], column: bytes[4], row: bytes[5]))
        }
        guard bytes.count >= 3, let final = bytes.last, (0x40 ... 0x7E).contains(final) else { return .incomplete }
        let parameters = String(decoding: bytes[2 ..< bytes.count - 1], as: UTF8.self)
        if parameters.hasPrefix("<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            return .event(MouseReport.sgr(parameters.dropFirst(), released: final == UInt8(ascii: "m")))
        }
        if final == UInt8(ascii: "Z") { return .event(.tab) }  // Shift-Tab
        return .event(cursorKey(final))
    }

    /// The arrow named by the final byte of `ESC [ A` or `ESC O A`; nil for other keys.
    private static func cursorKey(_ final: UInt8) -> InputEvent? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        default: nil
        }
    }
}

/// The mouse reports of xterm's protocols, reduced to what the dashboard uses: the left
/// button (press, drag, release) and the wheel. Other buttons and motion without a button
/// are dropped.
enum MouseReport {
    /// Button-byte bits: motion, wheel, and the modifier keys (ignored).
    static let motionBit = 32, wheelBit = 64, modifierBits = 4 | 8 | 16

    /// An X10 report: each byte is the value + 32, cells counted from 1 (so + 33 from 0).
    static func x10(button: UInt8, column: UInt8, row: UInt8) -> InputEvent? {
        guard button >= 32, column >= 33, row >= 33 else { return nil }
        let code = Int(button) - 32
        // X10 says "released" (button bits 3, not moving, not the wheel) without saying which button.
        let released = code & 3 == 3 && code & (motionBit | wheelBit) == 0
        return event(code: code, released: released, column: Int(column) - 33, row: Int(row) - 33)
    }

    /// An SGR report's parameters "b;x;y" (cells counted from 1).
    static func sgr(_ parameters: Substring, released: Bool) -> InputEvent? {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 3, let code = fields[0], let column = fields[1], let row = fields[2],
              column >= 1, row >= 1 else { return nil }
        return event(code: code, released: released, column: column - 1, row: row - 1)
    }

    private static func event(code: Int, released: Bool, column: Int, row: Int) -> InputEvent? {
        let button = code & ~(modifierBits | motionBit)
        if code & wheelBit != 0 {
            guard !released, code & motionBit == 0 else { return nil }
            return .mouse(MouseEvent(button & 1 == 0 ? .scrollUp : .scrollDown, column: column, row: row))
        }
        if released { return button & 3 == 0 || button & 3 == 3 ? .mouse(MouseEvent(.release, column: column, row: row)) : nil }
        guard button == 0 else { return nil }
        return .mouse(MouseEvent(code & motionBit != 0 ? .drag : .press, column: column, row: row))
    }
}
