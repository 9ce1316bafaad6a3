import Testing
@testable import NoiseStepKernels

/// The ink-sparse, blocked first layer equals a plain loop over each example's ink.
@Suite struct InputLayerTests {
    /// Output counts with a partial strip; inputs that cross the 112-input blocks.
    @Test(arguments: [(inputs: 300, outputs: 70), (inputs: 784, outputs: 64), (inputs: 50, outputs: 5)])
    func equalsAPlainLoopOverTheInk(inputs: Int, outputs: Int) {
        var numbers = Numbers(seed: UInt64(inputs + outputs))
        let chunk = Kernels.chunk
        // W [outputs, inputs], then its strip-major form [strips][inputs][64].
        let weights = (0 ..< outputs * inputs).map { _ in numbers.trit() }
        let strips = FloatBuffer(count: Kernels.stripMajorCount(inputs: inputs, outputs: outputs))
        for o in 0 ..< outputs {
            for j in 0 ..< inputs { strips.pointer[(o / 64 * inputs + j) * 64 + o % 64] = weights[o * inputs + j] }
        }
        let bias = numbers.buffer(outputs) { $0.trit() }
        let ink = InkLists(examples: chunk, inputs: inputs)
        for b in 0 ..< chunk where b != 1 {  // example 1 has no ink, example 0 every input
            for j in 0 ..< inputs where numbers.next(below: 4) == 0 || b == 0 {
                ink.indices[b * inputs + ink.counts[b]] = Int32(j)
                ink.values[b * inputs + ink.counts[b]] = numbers.value()
                ink.counts[b] += 1
            }
        }
        let out = FloatBuffer(count: outputs * chunk)
        Kernels.inputLayer(stripMajorWeights: strips.pointer, inputs: inputs, outputs: outputs, ink: ink,
                           bias: bias.pointer, scratch: InputLayerScratch(), into: out.pointer)
        var expected = [Float](repeating: 0, count: outputs * chunk)
        for o in 0 ..< outputs {
            for b in 0 ..< chunk {
                var sum = bias.pointer[o]
                for (i, j) in ink[b].map(Int.init).enumerated() {
                    sum = sum.addingProduct(ink.values[b * inputs + i], weights[o * inputs + j])
                }
                expected[o * chunk + b] = sum
            }
        }
        #expect(out.values == expected)
    }
}
