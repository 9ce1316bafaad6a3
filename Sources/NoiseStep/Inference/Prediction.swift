import Foundation
import NoiseStepKernels

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

    /// Class probabilities (softmax of the logits) for one 28×28 image of pixel values.
    public func classProbabilities(pixels: some Collection<UInt8>, encoding: InputEncoding) -> [Double] {
        let logits = logits(input: pixels.map { encoding.encode($0) })
        let top = logits.max() ?? 0
        let exps = logits.map { Foundation.exp(Double($0 - top)) }
        let total = exps.reduce(0, +)
        return exps.map { $0 / total }
    }
}
