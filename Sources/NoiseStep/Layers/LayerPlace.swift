/// A layer at its place in a model: its position, the shapes it takes and gives, and
/// where its parameters start in the flat parameter vector.
public struct LayerPlace: Sendable, Equatable {
    /// 0 for the layer that reads the image.
    public let index: Int
    public let input: ActivationShape
    public let output: ActivationShape
    /// Its parameters; nil for a kind without (pooling).
    public let parameters: ParameterBlock?
    /// The flat position of its first parameter (of the next layer's, when it has none).
    public let parameterOffset: Int
    /// Whether it gives the logits: the last layer has no activation after it.
    public let isLast: Bool
    /// Whether layer norm and ReLU follow its z: every layer but the last, except one that
    /// a pooling layer follows (the pooling layer then runs them on the pooled values).
    public let hasActivation: Bool

    /// Whether it reads the image, whose inked pixels arrive as lists (`InkLists`).
    public var isFirst: Bool { index == 0 }
    public var parameterCount: Int { parameters?.count ?? 0 }
}
