/// The shape of what flows from one layer to the next, for one example: `channels` planes
/// of `height` × `width` values. In a chunk they are feature-major, [features, 64], the
/// features in channel, row, column order; a dense layer's output is `channels` × 1 × 1.
public struct ActivationShape: Sendable, Hashable, Codable {
    public var channels: Int
    public var height: Int
    public var width: Int

    public init(channels: Int, height: Int, width: Int) {
        precondition(channels > 0 && height > 0 && width > 0)
        (self.channels, self.height, self.width) = (channels, height, width)
    }

    /// `features` values in a row: what a dense layer takes and gives.
    public static func vector(_ features: Int) -> ActivationShape { ActivationShape(channels: features, height: 1, width: 1) }

    /// A grey image of `Dataset.side` × `Dataset.side` pixels: every model's input.
    public static let image = ActivationShape(channels: 1, height: Dataset.side, width: Dataset.side)

    /// Values per example.
    public var features: Int { channels * height * width }
}
