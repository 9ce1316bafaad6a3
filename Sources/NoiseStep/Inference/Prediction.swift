import Foundation

extension InputEncoding {
    /// The network input for one pixel value 0...255.
    @inlinable
    public func encode(_ pixel: UInt8) -> Float {
        switch self {
        case .binary: pixel > 0 ? 1 : 0
        case .gray: Float(pixel) / 255
        }
    }
}

extension TernaryModel {
    /// Logits for one input vector of `shape.widths[0]` values. A plain forward pass for
    /// single images (the drawing pad), about a millisecond; batches use the training
    /// kernels.
    public func logits(input: [Float]) -> [Float] {
        precondition(input.count == shape.widths[0])
        var activations = input
        for (index, layer) in layers.enumerated() {
            var weights = [Float](repeating: 0, count: layer.weights.count)
            var bias = [Float](repeating: 0, count: layer.outputs)
            weights.withUnsafeMutableBufferPointer { layer.weights.expand(into: $0.baseAddress!) }
            bias.withUnsafeMutableBufferPointer { layer.bias.expand(into: $0.baseAddress!) }
            var outputs = bias
            for row in 0 ..< layer.outputs {
                var sum: Float = 0
                for column in 0 ..< layer.inputs { sum += weights[row * layer.inputs + column] * activations[column] }
                outputs[row] += sum
            }
            if index < layers.count - 1 { LayerNorm.normalizeAndRectify(&outputs) }
            activations = outputs
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

/// Layer normalization without learned parameters, as used after every hidden layer.
public enum LayerNorm {
    public static let epsilon: Float = 1e-5

    /// values ← max(0, (values − mean) / sqrt(variance + eps)), over the whole vector.
    public static func normalizeAndRectify(_ values: inout [Float]) {
        let count = Float(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
        let scale = 1 / (variance + epsilon).squareRoot()
        for index in values.indices { values[index] = max(0, (values[index] - mean) * scale) }
    }
}
