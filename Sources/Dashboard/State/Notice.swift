import NoiseStep

/// A short message and when it was set, in seconds on the app's clock.
public struct Notice: Equatable, Sendable {
    /// The message in words from the fullest to the shortest; the message row shows the
    /// first that fits.
    public var texts: [String]
    public var time: Double

    public var text: String { texts.first ?? "" }

    /// The fullest text at most `width` characters long (the shortest one cut, if none is).
    public func text(fitting width: Int) -> String {
        texts.first { $0.count <= width } ?? String((texts.last ?? "").prefix(max(0, width)))
    }
}
