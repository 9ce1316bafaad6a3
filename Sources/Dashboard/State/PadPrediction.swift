import NoiseStep

/// The model's reading of the pad.
public struct PadPrediction: Equatable, Sendable {
    /// One probability per class, summing to 1: softmax(logits / the temperature fitted
    /// for this kind of input, `PadCalibration`).
    public var probabilities: [Double]
    /// Why the pad is unsure what this is (it is unlike the digits), nil when it is not.
    public var unsure: PadReading.Unsure?
    /// The training step whose weights gave these probabilities (0 before the first step).
    public var step: Int
    /// [28, 28] bytes: the image the model read, after preprocessing a drawing.
    public var input: [UInt8]

    public init(probabilities: [Double], step: Int, input: [UInt8] = [], unsure: PadReading.Unsure? = nil) {
        self.probabilities = probabilities
        self.step = step
        self.input = input
        self.unsure = unsure
    }

    /// The most probable class.
    public var top: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }

    /// The prediction for `pad` from `model`, nil for an empty pad.
    ///
    /// A drawing is preprocessed as MNIST was made and read as a drawing; a validation
    /// image is read as is, as a clean image; `calibration` turns the logits into what
    /// the pad shows (plain softmax overstates: ternary logits are integers with a wide
    /// range; the training temperature understates on clean digits and suits no
    /// non-digit).
    /// Cost: one scalar forward pass, well under a millisecond for 784→256→256→10.
    public static func compute(pad: DrawingPad, source: PadSource, model: TernaryModel, encoding: InputEncoding,
                               calibration: PadCalibration, step: Int) -> PadPrediction? {
        let image: [UInt8]?
        switch source {
        case .drawing: image = PadPreprocessing.mnistStyle(pad.pixels)
        case .validation: image = pad.isEmpty ? nil : pad.bytes
        }
        guard let image else { return nil }
        let reading = calibration.reading(logits: model.logits(input: image.map { encoding.encode($0) }), image: image,
                                          kind: source == .drawing ? .drawn : .clean)
        return PadPrediction(probabilities: reading.probabilities, step: step, input: image, unsure: reading.unsure)
    }
}
