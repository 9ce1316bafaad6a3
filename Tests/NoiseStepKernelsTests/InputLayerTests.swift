import Testing
@testable import NoiseStepKernels

/// The ink-sparse, blocked, integer first layer equals a plain loop over each example's
/// ink: the exact integer sum, divided once and added to the bias.
@Suite struct InputLayerTests {
    /// Output counts with a partial strip; inputs that cross the 112-input blocks; the
    /// largest level on every input of a full block (the 16-bit lanes' worst case).
    @Test(arguments: [(inputs: 300, outputs: 70), (inputs: 784, outputs: 64), (inputs: 50, outputs: 5)], [false, true])
    func equalsAPlainLoopOverTheInk(shape: (inputs: Int, outputs: Int), unitLevels: Bool) {
        let (inputs, outputs) = shape
        var numbers = Numbers(seed: UInt64(inputs + outputs))
        let chunk = Kernels.chunk
        // W [outputs, inputs], then its strip-major form [strips][inputs][64].
        let weights = (0 ..< outputs * inputs).map { _ in Int16(numbers.trit()) }
        let strips = KernelBuffer<Int16>(count: Kernels.stripMajorCount(inputs: inputs, outputs: outputs))
        for o in 0 ..< outputs {
            for j in 0 ..< inputs { strips.pointer[(o / 64 * inputs + j) * 64 + o % 64] = weights[o * inputs + j] }
        }
        for j in 0 ..< inputs { strips.pointer[j * 64] = 1 }  // output 0: every weight +1
        let bias = numbers.buffer(outputs) { $0.trit() }
        let ink = InkLists(examples: chunk, inputs: inputs)
        for b in 0 ..< chunk where b != 1 {  // example 1 has no ink; examples 0 and 2 every input
            for j in 0 ..< inputs where numbers.next(below: 4) == 0 || b == 0 || b == 2 {
                ink.indices[b * inputs + ink.counts[b]] = Int32(j)
                let level = b == 2 ? Kernels.maxLevel : Int16(1 + numbers.next(below: 255))
                ink.levels[b * inputs + ink.counts[b]] = unitLevels ? 1 : level
                ink.counts[b] += 1
            }
        }
        let out = FloatBuffer(count: outputs * chunk)
        let divisor: Float = unitLevels ? 1 : 255
        Kernels.inputLayer(stripMajorWeights: strips.pointer, inputs: inputs, outputs: outputs, ink: ink,
                           unitLevels: unitLevels, divisor: divisor, bias: bias.pointer, scratch: InputLayerScratch(),
                           into: out.pointer)
        var expected = [Float](repeating: 0, count: outputs * chunk)
        for o in 0 ..< outputs {
            for b in 0 ..< chunk {
                var sum = 0
                for (i, j) in ink[b].map(Int.init).enumerated() {
                    sum += Int(ink.levels[b * inputs + i]) * Int(strips.pointer[(o / 64 * inputs + j) * 64 + o % 64])
                }
                expected[o * chunk + b] = bias.pointer[o] + Float(sum) / divisor
            }
        }
        #expect(out.values == expected)
        #expect(out.pointer[2] == bias.pointer[0] + Float(inputs))  // example 2, output 0: every level / divisor is 1
    }
}
