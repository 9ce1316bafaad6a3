import _CNcurses
import Foundation

/// The terminal, through ncurses: writes frames and reads keys and mouse events. This is
/// the only file that talks to ncurses, and only the main thread may use it.
///
/// Frames are written as differences: only cells that changed since the last frame are
/// sent, then one refresh. Input is read from standard input directly and decoded by
/// `InputDecoder`, every byte of it: ncurses' own mouse decoding drops button presses that
/// arrive in a burst, and its key decoding lets an unknown sequence through as keys.
/// Mouse reporting is asked for only from a terminal whose terminfo entry describes
/// mouse reports (`kmous`): a VT100 or the Linux console never gets the request.
/// `close()` restores the terminal (mouse reporting off, cursor on, cooked mode) and is
/// safe to call more than once.
final class NcursesTerminal {
    /// Normal tracking (presses and releases), button-event tracking (motion while a
    /// button is held, so a drag arrives as a stream of points) and SGR coordinates
    /// (no limit at column 223); a terminal without SGR sends X10 reports, decoded too.
    private static let mouseOn = "\u{1b}[?1000h\u{1b}[?1002h\u{1b}[?1006h"
    private static let mouseOff = "\u{1b}[?1006l\u{1b}[?1002l\u{1b}[?1000l"
    /// How long an Escape waits for the rest of a sequence before it counts as the key.
    static let escapeDelay = 0.025

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
    /// The background the colours are chosen for.
    private(set) var theme = Theme.dark
    private var depth = ColorDepth.eight
    /// Events read while waiting for the terminal's answer at start, handed out first.
    private var pendingEvents: [InputEvent] = []
    /// Whether the terminal was asked for mouse reports.
    let reportsMouse: Bool
    private var decoder = InputDecoder()
    /// When the last input byte arrived, for the escape delay.
    private var lastInput = ContinuousClock.now
    /// Whether standard input reported a hang-up, an error or its end: the terminal is
    /// gone (a closed pty, a killed tmux session), whether or not SIGHUP came.
    private(set) var isHungUp = false

    /// Takes over the terminal on standard input and output; nil when ncurses cannot
    /// (TERM names no known terminal) or the terminal cannot place the cursor (TERM=dumb).
    init?(color: DashboardConfiguration.ColorChoice, theme chosen: Theme? = nil) {
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
        reportsMouse = Self.hasCapability("kmous")
        window = noisestep_stdscr()
        cbreak()
        noecho()
        nonl()
        curs_set(0)
        // Input is read here, not by ncurses, so a refresh must not stop early for it.
        typeahead(-1)
        usesColor = color == .automatic && has_colors() && Self.colorAllowed()
        depth = ColorDepth(colors: Int(tigetnum("colors")))
        updateSize()
        wrefresh(window)
        if reportsMouse { writeRaw(Self.mouseOn) }
        theme = chosen ?? detectTheme(term: term)
        if usesColor { installColorPairs() }
    }

    /// Whether ncurses could take over the terminal on standard output: TERM names a
    /// terminal that terminfo knows and that can place the cursor. Takes nothing over, so
    /// a caller can refuse before it creates anything.
    static var canDrive: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        guard !term.isEmpty, term != "dumb" else { return false }
        return noisestep_can_place_cursor(term, STDOUT_FILENO) != 0
    }

    /// Terminal types that answer a query for their background colour (OSC 11).
    private static let answeringTerminals = ["xterm", "screen", "tmux", "rxvt", "alacritty", "foot", "kitty", "wezterm",
                                             "vte", "gnome", "konsole", "st-"]

    /// The background's theme: from the terminal's answer to OSC 11 (asked only of
    /// terminal types that answer, waiting at most a fifth of a second), else COLORFGBG,
    /// else dark.
    private func detectTheme(term: String) -> Theme {
        var report: String?
        if Self.answeringTerminals.contains(where: { term.hasPrefix($0) }) {
            writeRaw("\u{1b}]11;?\u{1b}\\")
            let deadline = ContinuousClock.now + .milliseconds(200)
            while report == nil, ContinuousClock.now < deadline {
                for event in readEvents(timeoutMilliseconds: 20) {
                    if case .report(let text) = event { report = text } else { pendingEvents.append(event) }
                }
            }
        }
        return Theme.detect(backgroundReport: report, colorFGBG: ProcessInfo.processInfo.environment["COLORFGBG"]) ?? .dark
    }

    /// Draws in `theme`'s colours from the next frame on.
    func setTheme(_ theme: Theme) {
        self.theme = theme
        attributes = [:]
        previous = nil
        if usesColor { installColorPairs() }
    }

    /// Whether terminfo has string capability `name` for this terminal.
    private static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        return Int(bitPattern: value) != -1
    }

    /// Whether the terminal can move the cursor to any cell (terminfo's `cup`); without
    /// it (a "dumb" terminal) a full-screen dashboard would draw nothing.
    private static func canPlaceCursor() -> Bool { hasCapability("cup") }

    /// One colour pair per role, numbered role + 1, on the terminal's own background
    /// (on the theme's black or white where the terminal cannot keep its own colours).
    private func installColorPairs() {
        start_color()
        let hasDefaults = use_default_colors() == OK
        let (black, white): (Int16, Int16) = (0, 7)
        for role in ColorRole.allCases {
            var foreground = TerminalPalette.color(for: role, theme: theme, depth: depth)
            if foreground < 0 && !hasDefaults { foreground = theme == .dark ? white : black }
            init_pair(Int16(role.rawValue + 1), foreground, hasDefaults ? -1 : (theme == .dark ? black : white))
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
            if TerminalPalette.isDim(style.color, depth: depth) { value |= noisestep_a_dim() }
        } else if style.color == .muted || style.color == .ghost {
            value |= noisestep_a_dim()
        }
        if TerminalPalette.isBold(style.color, theme: theme, depth: usesColor ? depth : nil) { value |= noisestep_a_bold() }
        if style.faint { value |= noisestep_a_dim() }
        if style.bold { value |= noisestep_a_bold() }
        if style.reverse { value |= noisestep_a_reverse() }
        attributes[style] = value
        return value
    }

    /// Waits up to `timeoutMilliseconds` for input and returns every event it completed
    /// (none when none came); a change of the terminal's size comes first, as `.resize`.
    func readEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        if !pendingEvents.isEmpty { defer { pendingEvents.removeAll() }; return pendingEvents }
        if checkSize() { return [.resize] }
        var timeout = max(0, timeoutMilliseconds)
        if decoder.isPending {
            let waited = lastInput.duration(to: .now) / .seconds(1)
            timeout = min(timeout, max(0, Int(((Self.escapeDelay - waited) * 1000).rounded(.up))))
        }
        guard !isHungUp else { return [] }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(timeout)) > 0 else {
            let waited = lastInput.duration(to: .now) / .seconds(1)
            return decoder.isPending && waited >= Self.escapeDelay ? decoder.expire() : []
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = Int32(descriptor.revents) & Int32(POLLIN) != 0 ? read(STDIN_FILENO, &buffer, buffer.count) : 0
        guard count > 0 else {
            // Nothing to read although poll said ready: the end of input, or the terminal is gone.
            if count == 0 || (errno != EINTR && errno != EAGAIN) { isHungUp = true }
            return []
        }
        lastInput = .now
        return decoder.feed(buffer[0 ..< count])
    }

    /// Takes in a new terminal size (ncurses learns it from SIGWINCH only inside its own
    /// input calls, which the dashboard does not use); returns whether it changed.
    private func checkSize() -> Bool {
        var rows: Int32 = 0, columns: Int32 = 0
        guard noisestep_window_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0,
              Int(rows) != height || Int(columns) != width else { return false }
        resizeterm(rows, columns)
        updateSize()
        previous = nil
        return true
    }

    /// Ctrl-Z: gives the terminal back (mouse reporting off, cursor on, cooked mode), stops
    /// the process as SIGTSTP's default action does, and once continued (`fg`) takes the
    /// terminal again and repaints it whole.
    func suspend() {
        guard let window else { return }
        if reportsMouse { writeRaw(Self.mouseOff) }
        curs_set(1)
        endwin()
        var stop = sigaction(), caught = sigaction()
        sigemptyset(&stop.sa_mask)  // sa_handler nil: SIG_DFL
        sigaction(SIGTSTP, &stop, &caught)
        kill(getpid(), SIGTSTP)  // returns once continued
        sigaction(SIGTSTP, &caught, nil)
        curs_set(0)
        clearok(window, true)
        previous = nil
        wrefresh(window)
        if reportsMouse { writeRaw(Self.mouseOn) }
    }

    /// Gives the terminal back: mouse reporting off, cursor visible, normal mode.
    func close() {
        guard screen != nil else { return }
        if reportsMouse { writeRaw(Self.mouseOff) }
        curs_set(1)
        endwin()
        TerminalRescue.disarm()
        screen = nil
        window = nil
    }

    deinit { close() }
}

