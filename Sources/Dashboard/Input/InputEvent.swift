import NoiseStep

/// One thing the person did at the terminal, as the backend reports it.
public enum InputEvent: Equatable, Sendable {
    /// A printable key, or a control key such as Escape ("\u{1b}").
    case character(Character)
    case up, down, left, right
    case tab
    /// The terminal changed size; the next frame is laid out afresh.
    case resize
    case mouse(MouseEvent)
    /// A terminal's answer to a query (an OSC string, e.g. "11;rgb:ffff/ffff/ffff"), not a key.
    case report(String)
}
