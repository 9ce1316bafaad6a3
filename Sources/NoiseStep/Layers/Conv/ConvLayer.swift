import NoiseStepKernels

/// A convolution layer: z[o, y, x] = b[o] + Σ_{c, ky, kx} W[o, c, ky, kx] · in[c, y + ky, x + kx]
/// with ternary W [outputs, channels, kernel, kernel] and b [outputs], stride 1, no
/// padding, so a kernel × kernel window shrinks the input by kernel − 1 each way. Layer
/// normalization over all its features (ε = `LayerNorm.epsilon`) and ReLU follow, unless
/// a pooling layer follows, which then runs them on the pooled values
/// (`LayerPlace.hasActivation`). As the first layer it sums the pixels' integer levels,
/// exactly, and divides once, as a dense first layer does.
///
/// Flat order: the weights row-major (row = output channel, column = tap (c, ky, kx)),
/// then the bias. Header: `{"kind": "conv", "outputs": 16, "kernel": 5}`; `--layers`:
/// `conv 16 5`; on screen "5×5→16".
public struct ConvLayer: RunnableLayer, Equatable {
    public static let kindName = "conv"
    public static let usage = "conv CHANNELS KERNEL"

    /// Its output channels.
    public var outputs: Int
    /// The side of its square window.
    public var kernel: Int

    public init(outputs: Int, kernel: Int) {
        self.outputs = outputs
        self.kernel = kernel
    }

    public init(arguments: [String]) throws(LayerSpecProblem) {
        guard arguments.count == 2, let outputs = Int(arguments[0]), let kernel = Int(arguments[1]), kernel > 0 else {
            throw .badArguments(kind: Self.kindName, found: arguments, expected: Self.usage)
        }
        self.init(outputs: outputs, kernel: kernel)
    }

    public var arguments: [String] { [String(outputs), String(kernel)] }

    public func check() throws(LimitViolation) { try Limits.check(.hidden, outputs) }

    public func outputShape(for input: ActivationShape) -> ActivationShape? {
        guard kernel <= input.height, kernel <= input.width else { return nil }
        return ActivationShape(channels: outputs, height: input.height - kernel + 1, width: input.width - kernel + 1)
    }

    public func parameters(for input: ActivationShape) -> ParameterBlock? {
        ParameterBlock(rows: outputs, columns: input.channels * kernel * kernel)
    }

    public func label(at place: LayerPlace) -> String { "\(kernel)×\(kernel)→\(outputs)" }

    func makeStage(at place: LayerPlace) -> any LayerStage { ConvStage(place: place, shape: shape(at: place)) }

    /// The kernels' description of the layer at `place`.
    func shape(at place: LayerPlace) -> ConvolutionShape {
        ConvolutionShape(channels: place.input.channels, height: place.input.height, width: place.input.width,
                         kernel: kernel, outputs: outputs)
    }

    /// Unit `unit`'s kernel × kernel filter over the image, row-major, when the layer reads
    /// the image (one channel); nil otherwise.
    public func receptiveField(of unit: Int, parameters: TernaryLayer, at place: LayerPlace) -> [Int8]? {
        guard place.isFirst, place.input.channels == 1, unit >= 0, unit < outputs else { return nil }
        return (0 ..< parameters.columns).map { parameters.weights[unit, $0] }
    }

    public func exportLayers(_ parameters: TernaryLayer, at place: LayerPlace) -> [ExportLayer] {
        let conv = ExportLayer.conv(ExportConv(index: place.index, layer: parameters, input: place.input, kernel: kernel))
        return place.hasActivation ? [conv, .layerNorm(epsilon: LayerNorm.epsilon), .relu] : [conv]
    }
}
