import NoiseStep

/// The model's reading of the pad.
public struct PadPrediction: Equatable, Sendable {
    /// One probability per class, summing to 1: softmax(logits / training temperature).
    public var probabilities: [Double]
    /// The training step whose weights gave these probabilities (0 before the first step).
    public var step: Int
    /// [28, 28] bytes: the image the model read, after preprocessing a drawing.
    public var input: [UInt8]

    public init(probabilities: [Double], step: Int, input: [UInt8] = []) {
        self.probabilities = probabilities
        self.step = step
        self.input = input
    }

    /// The most probable class.
    public var top: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }

    /// The prediction for `pad` from `model`, nil for an empty pad.
    ///
    /// A drawing is preprocessed as MNIST was made; a validation image is read as is. The
    /// probabilities divide the logits by `temperature`, as the training loss did, so
    /// they mean what the model was trained to say (plain softmax overstates: ternary
    /// logits are integers with a wide range).
    /// Cost: one scalar forward pass, well under a millisecond for 784→256→256→10.
    public static func compute(pad: DrawingPad, source: PadSource, model: TernaryModel,
                               encoding: InputEncoding, temperature: Double, step: Int) -> PadPrediction? {
        let image: [UInt8]?
        switch source {
        case .drawing: image = PadPreprocessing.mnistStyle(pad.pixels)
        case .validation: image = pad.isEmpty ? nil : pad.bytes
        }
        guard let image else { return nil }
        let probabilities = model.classProbabilities(pixels: image, encoding: encoding, temperature: temperature)
        return PadPrediction(probabilities: probabilities, step: step, input: image)
    }
}
