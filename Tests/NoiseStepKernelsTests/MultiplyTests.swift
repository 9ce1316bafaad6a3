import Testing
@testable import NoiseStepKernels

/// The blocked product equals a plain loop bit for bit: each output sums in ascending k
/// with one fused multiply-add per term, whatever block its row falls in.
@Suite struct MultiplyTests {
    /// Row counts that use six-, four- and one-row blocks and their mixes.
    @Test(arguments: [1, 3, 4, 5, 6, 10, 11, 13, 16])
    func equalsAPlainFusedLoop(rows: Int) {
        var numbers = Numbers(seed: UInt64(rows))
        let inner = 37, chunk = Kernels.chunk
        let matrix = numbers.buffer(rows * inner) { $0.trit() }
        let input = numbers.buffer(inner * chunk) { $0.value() }
        let bias = numbers.buffer(rows) { $0.trit() }
        for withBias in [false, true] {
            let out = FloatBuffer(count: rows * chunk)
            Kernels.multiply(matrix.pointer, rows: rows, inner: inner, input.pointer,
                             bias: withBias ? bias.pointer : nil, into: out.pointer)
            var expected = [Float](repeating: 0, count: rows * chunk)
            for r in 0 ..< rows {
                for b in 0 ..< chunk {
                    var sum: Float = withBias ? bias.pointer[r] : 0
                    for k in 0 ..< inner { sum = sum.addingProduct(matrix.pointer[r * inner + k], input.pointer[k * chunk + b]) }
                    expected[r * chunk + b] = sum
                }
            }
            #expect(out.values == expected)
        }
    }
}
