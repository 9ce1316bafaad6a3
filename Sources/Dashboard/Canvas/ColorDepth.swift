/// The colours a terminal can show: the 8 standard ones, or xterm's 256.
public enum ColorDepth: Sendable, Equatable {
    case eight
    case full

    /// The depth of a terminal that reports `colors` colours.
    public init(colors: Int) { self = colors >= 256 ? .full : .eight }
}
