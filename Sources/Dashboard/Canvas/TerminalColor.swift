/// The eight standard terminal colours, numbered as terminals (and curses) number them;
/// `standard` is the terminal's own foreground.
public enum TerminalColor: Int16, Sendable {
    case standard = -1
    case black, red, green, yellow, blue, magenta, cyan, white
}
