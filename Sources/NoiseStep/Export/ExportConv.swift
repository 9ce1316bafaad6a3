/// A convolution's ternary parameters and sizes, as exporters store them: stride 1, no
/// padding, over an input of `input`'s shape.
public struct ExportConv: Sendable, Equatable {
    /// Which layer it is, from 0: tensors are named `layers.<index>.conv.weight`.
    public var index: Int
    public var input: ActivationShape
    public var outputs: Int
    public var kernel: Int
    /// [outputs, input channels, kernel, kernel] row-major, each −1, 0 or +1.
    public var weight: [Int8]
    /// [outputs], each −1, 0 or +1.
    public var bias: [Int8]

    init(index: Int, layer: TernaryLayer, input: ActivationShape, kernel: Int) {
        self.index = index
        self.input = input
        self.kernel = kernel
        outputs = layer.rows
        weight = (0 ..< layer.weights.count).map { layer.weights[flat: $0] }
        bias = (0 ..< layer.bias.count).map { layer.bias[flat: $0] }
    }

    /// [outputs, input height − kernel + 1, input width − kernel + 1].
    public var output: ActivationShape {
        ActivationShape(channels: outputs, height: input.height - kernel + 1, width: input.width - kernel + 1)
    }

    public var weightName: String { "layers.\(index).conv.weight" }
    public var biasName: String { "layers.\(index).conv.bias" }
}

/// Max pooling over size × size windows, stride size, of an input of `input`'s shape; rows
/// and columns past the last whole window are dropped.
public struct ExportPool: Sendable, Equatable {
    /// Which layer it is, from 0: its nodes are named `layers.<index>.max_pool`.
    public var index: Int
    public var input: ActivationShape
    public var size: Int

    public var output: ActivationShape {
        ActivationShape(channels: input.channels, height: input.height / size, width: input.width / size)
    }
}
