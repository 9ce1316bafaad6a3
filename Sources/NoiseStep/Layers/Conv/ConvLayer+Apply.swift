import NoiseStepKernels

extension ConvLayer {
    /// The convolution of one example straight from the packed weights, each output's sum
    /// over its taps in order and the bias added last, then layer norm and ReLU when the
    /// layer has an activation. - input: [channels, height, width] row-major.
    public func apply(to input: [Float], parameters: TernaryLayer, at place: LayerPlace) -> [Float] {
        let s = shape(at: place)
        precondition(input.count == s.inputRows && parameters.columns == s.taps)
        var weights = [Float](repeating: 0, count: parameters.weights.count)
        var bias = [Float](repeating: 0, count: outputs)
        weights.withUnsafeMutableBufferPointer { parameters.weights.expand(into: $0.baseAddress!) }
        bias.withUnsafeMutableBufferPointer { parameters.bias.expand(into: $0.baseAddress!) }
        let offsets = (0 ..< s.taps).map(s.tapRowOffset)
        var out = [Float](repeating: 0, count: s.outputRows)
        for o in 0 ..< outputs {
            for y in 0 ..< s.outHeight {
                for x in 0 ..< s.outWidth {
                    let corner = y * s.width + x
                    var sum: Float = 0
                    for (tap, offset) in offsets.enumerated() where weights[o * s.taps + tap] != 0 {
                        sum += weights[o * s.taps + tap] * input[corner + offset]
                    }
                    out[(o * s.outHeight + y) * s.outWidth + x] = bias[o] + sum
                }
            }
        }
        if place.hasActivation { LayerNorm.normalizeAndRectify(&out) }
        return out
    }
}
