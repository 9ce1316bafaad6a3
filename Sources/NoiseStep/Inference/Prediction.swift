import Foundation
import NoiseStepKernels

extension TernaryModel {
    /// Logits for one input vector of `shape.widths[0]` values: the single-image forward
    /// pass of the drawing pad, read straight from the packed weights and skipping zero
    /// inputs (`Kernels.packedMatrixVector`); batches use the training kernels.
    public func logits(input: [Float]) -> [Float] {
        precondition(input.count == shape.widths[0])
        var activations = input
        let widest = shape.widths.max()!
        withUnsafeTemporaryAllocation(of: Int.self, capacity: widest) { nonzero in
            for (index, layer) in layers.enumerated() {
                var bias = [Float](repeating: 0, count: layer.outputs)
                bias.withUnsafeMutableBufferPointer { layer.bias.expand(into: $0.baseAddress!) }
                var outputs = [Float](repeating: 0, count: layer.outputs)
                layer.weights.packed.withUnsafeBufferPointer { packed in
                    ExpandedWeights.tritTable.withUnsafeBufferPointer { table in
                        Kernels.packedMatrixVector(packed.baseAddress!, rows: layer.outputs, columns: layer.inputs,
                                                   table: table.baseAddress!, input: activations, bias: bias,
                                                   nonzero: nonzero.baseAddress!, into: &outputs)
                    }
                }
                if index < layers.count - 1 { LayerNorm.normalizeAndRectify(&outputs) }
                activations = outputs
            }
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
