/// The named models of `--arch`: the MLP of `hidden` widths (the default), or a small
/// convolutional net spelled as a layer list.
public enum ModelPreset: String, CaseIterable, Sendable {
    case mlp
    case conv

    /// The conv preset: two 5 × 5 convolutions, each max-pooled 2 × 2 before its layer norm
    /// and ReLU, then a dense hidden layer (80,202 parameters, 1.1 M multiply-adds an image).
    public static let convSpec = "conv 16 5, pool 2, conv 32 5, pool 2, dense 128, dense 10"

    /// The preset's layers; nil for the MLP, whose widths come from `hidden`.
    public var layers: [any LayerKind]? {
        switch self {
        case .mlp: nil
        case .conv: try? LayerKinds.parse(Self.convSpec)
        }
    }
}
