import _CNcurses
import Foundation

/// The terminal, through ncurses: writes frames and reads keys and mouse events. This is
/// the only file that talks to ncurses, and only the main thread may use it.
///
/// Frames are written as differences: only cells that changed since the last frame are
/// sent, then one refresh. `close()` restores the terminal (mouse reporting off, cursor
/// on, cooked mode) and is safe to call more than once.
final class NcursesTerminal {
    /// Button-event mouse tracking: reports motion while a button is held, so a drag
    /// arrives as a stream of points. ncurses itself only asks for presses and releases.
    private static let mouseDragOn = "\u{1b}[?1002h"
    private static let mouseOff = "\u{1b}[?1002l\u{1b}[?1006l\u{1b}[?1000l"

    private(set) var width = 0
    private(set) var height = 0
    /// What this terminal can show: ASCII without a UTF-8 locale or on an ASCII-only TERM.
    let glyphs: GlyphSet
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    /// ncurses' own streams on descriptors 0 and 1 (the C globals stdin and stdout are
    /// shared mutable state to Swift 6).
    private var output: UnsafeMutablePointer<FILE>?
    private var previous: Canvas?
    private var attributes: [CellStyle: attr_t] = [:]
    private var usesColor = false
    private var pendingEvents: [InputEvent] = []
    /// Whether standard input reported a hang-up, an error or its end: the terminal is
    /// gone (a closed pty, a killed tmux session), whether or not SIGHUP came.
    private(set) var isHungUp = false
    /// Reads in a row that poll(2) said were ready and that gave nothing: end of input.
    private var emptyReads = 0
    private static let emptyReadsAtEnd = 64

    /// Takes over the terminal on standard input and output; nil when ncurses cannot
    /// (TERM names no known terminal) or the terminal cannot place the cursor (TERM=dumb).
    init?(color: DashboardConfiguration.ColorChoice) {
        setlocale(LC_ALL, "")
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        glyphs = GlyphSet.choose(codeset: String(cString: nl_langinfo(nl_item(CODESET))), term: term)
        Self.unblockResizeSignal()
        guard term != "dumb", let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            return nil
        }
        TerminalRescue.arm()
        guard let screen = newterm(nil, output, input) else {
            TerminalRescue.disarm()
            return nil
        }
        guard Self.canPlaceCursor() else {
            endwin()
            delscreen(screen)
            TerminalRescue.disarm()
            return nil
        }
        self.output = output
        self.screen = screen
        set_term(screen)
        window = noisestep_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        mouseinterval(0)
        mousemask(noisestep_all_mouse_events() | noisestep_report_mouse_position(), nil)
        usesColor = color == .automatic && has_colors() && Self.colorAllowed()
        if usesColor { Self.installColorPairs() }
        updateSize()
        wrefresh(window)
        writeRaw(Self.mouseDragOn)
        Self.holdSuspend(true)
    }

    /// Holds SIGTSTP back on this thread (or lets it through). ncurses ignores SIGTSTP
    /// while it writes or reads, so a Ctrl-Z pressed then would be lost; held back, it
    /// waits for `readEvent`'s wait, where ncurses' own handler suspends cleanly.
    private static func holdSuspend(_ hold: Bool) {
        var suspend = sigset_t()
        sigemptyset(&suspend)
        sigaddset(&suspend, SIGTSTP)
        pthread_sigmask(hold ? SIG_BLOCK : SIG_UNBLOCK, &suspend, nil)
    }

    /// Whether ncurses could take over the terminal on standard output: TERM names a
    /// terminal that terminfo knows and that can place the cursor. Takes nothing over, so
    /// a caller can refuse before it creates anything.
    static var canDrive: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { return false }
        return noisestep_can_place_cursor(term, STDOUT_FILENO) != 0
    }

    /// Whether the terminal can move the cursor to any cell (terminfo's `cup`); without
    /// it (a "dumb" terminal) a full-screen dashboard would draw nothing.
    private static func canPlaceCursor() -> Bool {
        guard let address = tigetstr("cup") else { return false }
        return Int(bitPattern: address) != -1
    }

    /// One colour pair per role, numbered role + 1, on the terminal's own background
    /// (white on black where the terminal cannot keep its own colours).
    private static func installColorPairs() {
        start_color()
        let hasDefaults = use_default_colors() == OK
        for role in ColorRole.allCases {
            var foreground = TerminalPalette.color(for: role)
            if foreground == .standard && !hasDefaults { foreground = .white }
            init_pair(Int16(role.rawValue + 1), foreground.rawValue, hasDefaults ? -1 : TerminalColor.black.rawValue)
        }
    }

    /// ncurses learns of a resize from SIGWINCH, which a parent process may have left
    /// blocked; threads started from here on inherit the unblocked mask.
    private static func unblockResizeSignal() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// NO_COLOR (https://no-color.org): present and not empty means no colour.
    private static func colorAllowed() -> Bool {
        (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Writes bytes straight to the terminal, after whatever ncurses has buffered.
    private func writeRaw(_ text: String) {
        if let output { fflush(output) }
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }

    private func updateSize() {
        guard let window else { return }
        height = Int(noisestep_lines(window))
        width = Int(noisestep_columns(window))
    }

    /// Writes `canvas`, which should be `width` × `height`; a different size repaints all.
    func draw(_ canvas: Canvas) {
        guard let window else { return }
        let old = previous.flatMap { $0.width == canvas.width && $0.height == canvas.height ? $0 : nil }
        if old == nil { werase(window) }
        for row in 0 ..< min(canvas.height, height) {
            var column = 0
            while column < min(canvas.width, width) {
                let cell = canvas[column, row]
                guard old?[column, row] != cell else {
                    column += 1
                    continue
                }
                // A run of changed cells in one style goes out in one call.
                var run: [wchar_t] = []
                var end = column
                while end < min(canvas.width, width), canvas[end, row].style == cell.style,
                      old?[end, row] != canvas[end, row] {
                    run.append(Self.wideCharacter(canvas[end, row].character))
                    end += 1
                }
                wattrset(window, Int32(bitPattern: attribute(for: cell.style)))
                mvwaddnwstr(window, Int32(row), Int32(column), run, Int32(run.count))
                column = end
            }
        }
        wattrset(window, 0)
        wrefresh(window)
        previous = canvas
    }

    private static func wideCharacter(_ character: Character) -> wchar_t {
        wchar_t(bitPattern: character.unicodeScalars.first?.value ?? 0x20)
    }

    /// The ncurses attributes for `style`, cached.
    private func attribute(for style: CellStyle) -> attr_t {
        if let known = attributes[style] { return known }
        var value = noisestep_a_normal()
        if usesColor {
            value |= noisestep_color_pair(Int16(style.color.rawValue + 1))
        } else if TerminalPalette.isBoldWithoutColor(style.color) {
            value |= noisestep_a_bold()
        }
        if TerminalPalette.isDim(style.color) { value |= noisestep_a_dim() }
        if style.bold { value |= noisestep_a_bold() }
        if style.reverse { value |= noisestep_a_reverse() }
        attributes[style] = value
        return value
    }

    /// Waits up to `timeoutMilliseconds` for the next input event; nil if none came, or
    /// when input has hung up (`isHungUp`).
    ///
    /// What ncurses has buffered is taken first; then poll(2) waits on standard input, so
    /// that a hang-up or an end of input is seen (ncurses' own wait returns at once, again
    /// and again, on a terminal that is gone).
    func readEvent(timeoutMilliseconds: Int) -> InputEvent? {
        if !pendingEvents.isEmpty { return pendingEvents.removeFirst() }
        guard let window, !isHungUp else { return nil }
        wtimeout(window, 0)
        if let event = nextKey(window) { return event }
        var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        Self.holdSuspend(false)  // Ctrl-Z acts only here, while ncurses does nothing
        let ready = poll(&input, 1, Int32(max(0, timeoutMilliseconds)))
        Self.holdSuspend(true)
        guard ready > 0 else { return nil }  // the time is up, or a signal came
        if Int32(input.revents) & (POLLHUP | POLLERR | POLLNVAL) != 0 {
            isHungUp = true
            return nil
        }
        if let event = nextKey(window) { return event }
        emptyReads += 1
        if emptyReads >= Self.emptyReadsAtEnd { isHungUp = true }
        return nil
    }

    /// The next key ncurses reads without waiting, nil when there is none.
    private func nextKey(_ window: UnsafeMutablePointer<WINDOW>) -> InputEvent? {
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result != ERR { emptyReads = 0 }
        if result == KEY_CODE_YES { return functionKey(Int32(bitPattern: code)) }
        guard result == OK else { return nil }
        switch code {
        case 9: return .tab
        case 10, 13: return .character("\n")
        default: return Unicode.Scalar(UInt32(code)).map { .character(Character($0)) }
        }
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_RESIZE:
            updateSize()
            previous = nil
            return .resize
        case KEY_MOUSE: return mouseEvent()
        default: return nil
        }
    }

    /// Decodes a left-button mouse report; other buttons are ignored.
    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let column = Int(event.x), row = Int(event.y), state = event.bstate
        if state & noisestep_report_mouse_position() != 0 { return .mouse(MouseEvent(.drag, column: column, row: row)) }
        if state & noisestep_button1_released() != 0 { return .mouse(MouseEvent(.release, column: column, row: row)) }
        if state & noisestep_button1_pressed() != 0 { return .mouse(MouseEvent(.press, column: column, row: row)) }
        if state & noisestep_button1_clicked() != 0 {
            pendingEvents.append(.mouse(MouseEvent(.release, column: column, row: row)))
            return .mouse(MouseEvent(.press, column: column, row: row))
        }
        return nil
    }

    /// Gives the terminal back: mouse reporting off, cursor visible, normal mode.
    func close() {
        guard screen != nil else { return }
        mousemask(0, nil)
        writeRaw(Self.mouseOff)
        curs_set(1)
        endwin()
        writeRaw(Self.mouseOff)
        Self.holdSuspend(false)
        TerminalRescue.disarm()
        screen = nil
        window = nil
    }

    deinit { close() }
}
