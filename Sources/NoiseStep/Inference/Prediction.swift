import Foundation

extension TernaryModel {
    /// Logits for one input vector of `shape.input.features` values: the single-image
    /// forward pass of the drawing pad, each layer read straight from its packed
    /// parameters (`LayerKind.apply`); batches use the training kernels.
    public func logits(input: [Float]) -> [Float] {
        precondition(input.count == shape.input.features)
        var activations = input
        for (kind, place) in zip(shape.layers, shape.places) {
            activations = kind.apply(to: activations, parameters: layers[place.index], at: place)
        }
        return activations
    }

    /// Class probabilities for one 28×28 image of pixel values: softmax(logits / temperature),
    /// the distribution the model was trained to match (its loss divides by the same
    /// temperature). Temperature 1 is the plain softmax.
    /// - Precondition: `temperature > 0`.
    public func classProbabilities(pixels: some Collection<UInt8>, encoding: InputEncoding,
                                   temperature: Double) -> [Double] {
        Self.softmax(logits(input: pixels.map { encoding.encode($0) }), temperature: temperature)
    }

    /// softmax(logits / temperature), computed stably (the largest logit is subtracted first).
    /// - Precondition: `temperature > 0`.
    public static func softmax(_ logits: [Float], temperature: Double) -> [Double] {
        precondition(temperature > 0, "a softmax temperature is positive")
        let top = logits.max() ?? 0
        let exps = logits.map { Foundation.exp(Double($0 - top) / temperature) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
