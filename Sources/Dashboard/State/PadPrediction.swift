import NoiseStep

/// Where the pad's picture came from, which decides how it is classified.
public enum PadSource: Equatable, Sendable {
    /// Drawn by hand: classified after `PadPreprocessing.mnistStyle`.
    case drawing
    /// Validation image `index` with its true `label`, untouched since: classified as is,
    /// exactly as evaluation sees it.
    case validation(index: Int, label: Int)
}

/// The model's reading of the pad.
public struct PadPrediction: Equatable, Sendable {
    /// One probability per class 0...9, summing to 1.
    public var probabilities: [Double]
    /// The training step whose weights gave these probabilities (0 before the first step).
    public var step: Int

    public init(probabilities: [Double], step: Int) {
        self.probabilities = probabilities
        self.step = step
    }

    /// The most probable class.
    public var top: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }

    /// The prediction for `pad` from `model`, nil for an empty pad.
    ///
    /// Cost: one scalar forward pass, well under a millisecond for 784→256→256→10.
    public static func compute(pad: DrawingPad, source: PadSource, model: TernaryModel,
                               encoding: InputEncoding, step: Int) -> PadPrediction? {
        let image: [UInt8]?
        switch source {
        case .drawing: image = PadPreprocessing.mnistStyle(pad.pixels)
        case .validation: image = pad.isEmpty ? nil : pad.bytes
        }
        guard let image else { return nil }
        return PadPrediction(probabilities: model.classProbabilities(pixels: image, encoding: encoding), step: step)
    }
}
