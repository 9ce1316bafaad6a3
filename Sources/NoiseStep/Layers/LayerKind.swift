/// One kind of layer in a model's list (dense today; a convolution or a pooling layer adds
/// a kind): everything about the kind lives with it, in its folder under Layers/, so that
/// adding a kind adds a folder and one entry in `LayerKinds.all`.
///
/// A value of a conforming type is one layer's description, e.g. a dense layer of 256
/// outputs. It says how its output's shape follows from its input's, which ternary
/// parameters it has and in which flat order (`ParameterBlock`: a weight matrix, then a
/// bias), how it is written in a step log's header and on the command line, how it is
/// named on screen, and it makes the compute of the layer at its place in a model
/// (`LayerStage`): packing and expansion of its weights, forward and backward passes,
/// reading ∂L/∂θ at a perturbation's positions, forward-mode tangents.
public protocol LayerKind: Sendable, Codable {
    /// The kind's name: the `kind` of its entry in a header's `layers`, and the first word
    /// of its spec in `--layers` ("dense").
    static var kindName: String { get }

    /// How a spec of this kind reads, for help and messages: "dense OUTPUTS".
    static var usage: String { get }
    /// A layer of this kind from the words after its name in a `--layers` spec ("256" in
    /// "dense 256").
    init(arguments: [String]) throws(LayerSpecProblem)
    /// Those words: `init(arguments:)` of them gives this layer back.
    var arguments: [String] { get }

    /// Whether the layer runs between the layer before it and that layer's activation: a
    /// pooling layer pools the convolution's z, and the layer norm and ReLU follow the
    /// pooled values (`LayerPlace.hasActivation`). False for every other kind.
    static var takesPreviousActivation: Bool { get }

    /// The rulebook's limits on this layer's own settings (a width, a kernel size).
    func check() throws(LimitViolation)
    /// The shape of its output for an input of `input`; nil when it cannot take that input.
    func outputShape(for input: ActivationShape) -> ActivationShape?
    /// Its ternary parameters for an input of `input`; nil for a kind without any.
    func parameters(for input: ActivationShape) -> ParameterBlock?

    /// The layer at `place` in a short label, at most 8 characters ("784→256"), that
    /// `LayerStats` carries for per-layer figures.
    func label(at place: LayerPlace) -> String

    /// The layer applied to one example, straight from its packed parameters: the
    /// drawing pad's prediction. - input: [place.input.features]; returns [place.output.features].
    func apply(to input: [Float], parameters: TernaryLayer, at place: LayerPlace) -> [Float]
    /// Unit `unit`'s weights over the input image, [height × width] row-major, when the
    /// layer reads the image and its units have such pictures (the dashboard draws them);
    /// nil otherwise.
    func receptiveField(of unit: Int, parameters: TernaryLayer, at place: LayerPlace) -> [Int8]?
    /// The layer for exporters, followed by what runs after it (layer norm, ReLU).
    func exportLayers(_ parameters: TernaryLayer, at place: LayerPlace) -> [ExportLayer]
}

extension LayerKind {
    public static var takesPreviousActivation: Bool { false }

    /// "dense 256": the kind's name and its arguments, as `--layers` takes it.
    public var spec: String { ([Self.kindName] + arguments).joined(separator: " ") }

    /// Whether `other` is the same layer.
    func isSame(as other: any LayerKind) -> Bool {
        type(of: other) == Self.self && other.arguments == arguments
    }
}
