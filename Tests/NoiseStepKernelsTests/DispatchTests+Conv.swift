import Testing
@testable import NoiseStepKernels

/// The convolution and pooling kernels give the same bits in the plain and the AVX2 + FMA
/// builds (in the serialized `DispatchTests` suite, which switches between them).
extension DispatchTests {
    @Test func convolutionKernels() {
        var numbers = Numbers(seed: 16)
        let s = ConvolutionShape(channels: 7, height: 9, width: 8, kernel: 3, outputs: 8), chunk = Kernels.chunk
        let weights = numbers.buffer(s.outputs * s.taps) { $0.trit() }, bias = numbers.buffer(s.outputs) { Self.rough(&$0) }
        let input = numbers.buffer(s.inputRows * chunk) { Self.rough(&$0) }
        let delta = numbers.buffer(s.outputRows * chunk) { Self.rough(&$0) }
        let transposed = FloatBuffer(count: s.outputs * s.taps)
        Kernels.transposeWeights(weights.pointer, shape: s, into: transposed.pointer)
        Self.expectSameBits(Self.bothBuilds {
            let out = FloatBuffer(count: s.outputRows * chunk), back = FloatBuffer(count: s.inputRows * chunk)
            let batch = FloatBuffer(count: 3 * s.taps)
            Kernels.convolve(weights: weights.pointer, bias: bias.pointer, input: input.pointer, shape: s, divisor: 3,
                             into: out.pointer)
            Kernels.convolveBackward(transposed: transposed.pointer, delta: delta.pointer, shape: s, into: back.pointer)
            Kernels.convolutionBatchWeightGradient(deltas: delta.pointer, rows: 2 ..< 5, inputs: input.pointer, chunks: 1,
                                                   shape: s, into: batch.pointer)
            Kernels.convolutionAddTap(input: input.pointer, tap: 17, scale: 0.3, output: 2, shape: s, to: out.pointer)
            let entries = [Kernels.convolutionWeightGradient(delta: delta.pointer, input: input.pointer, output: 3, tap: 40,
                                                             shape: s),
                           Kernels.convolutionBiasGradient(delta: delta.pointer, output: 5, shape: s)]
            return out.values + back.values + batch.values + entries
        })
    }

    @Test func poolKernels() {
        var numbers = Numbers(seed: 17)
        let s = PoolShape(channels: 3, height: 7, width: 8, size: 2), chunk = Kernels.chunk
        let input = numbers.buffer(s.inputRows * chunk) { Self.rough(&$0) }
        let delta = numbers.buffer(s.outputRows * chunk) { Self.rough(&$0) }
        Self.expectSameBits(Self.bothBuilds {
            let pooled = FloatBuffer(count: s.outputRows * chunk), back = FloatBuffer(count: s.inputRows * chunk)
            let routed = FloatBuffer(count: s.outputRows * chunk), average = FloatBuffer(count: s.outputRows * chunk)
            let spread = FloatBuffer(count: s.inputRows * chunk)
            Kernels.maxPool(input.pointer, shape: s, into: pooled.pointer)
            Kernels.maxPoolBackward(input: input.pointer, pooled: pooled.pointer, delta: delta.pointer, shape: s,
                                    into: back.pointer)
            Kernels.maxPoolTangent(input: input.pointer, pooled: pooled.pointer, tangent: input.pointer, shape: s,
                                   into: routed.pointer)
            Kernels.averagePool(input.pointer, shape: s, into: average.pointer)
            Kernels.averagePoolBackward(delta: delta.pointer, shape: s, into: spread.pointer)
            return pooled.values + back.values + routed.values + average.values + spread.values
        })
    }
}
