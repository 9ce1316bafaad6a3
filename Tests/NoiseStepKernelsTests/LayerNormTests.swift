import Testing
@testable import NoiseStepKernels

/// The sliced layer-norm passes equal a plain per-column loop bit for bit, and ε is the
/// documented 1e-5.
@Suite struct LayerNormTests {
    /// Four features per example alternating ±a, so the variance is a²; with a² equal to
    /// ε = 1e-5 the normalized value is a / sqrt(a² + ε) = 1/√2, not the 1 it would be
    /// without ε (or with a much smaller one).
    @Test func epsilonCountsWhenTheVarianceIsAsSmall() {
        let rows = 4, chunk = Kernels.chunk
        let a = Float(LayerNorm.epsilon).squareRoot()
        let z = FloatBuffer(count: rows * chunk), normalized = FloatBuffer(count: rows * chunk)
        let rectified = FloatBuffer(count: rows * chunk), inverse = FloatBuffer(count: chunk)
        for row in 0 ..< rows {
            for b in 0 ..< chunk { z.pointer[row * chunk + b] = row % 2 == 0 ? a : -a }
        }
        Kernels.layerNormForward(z.pointer, rows: rows, normalized: normalized.pointer, rectified: rectified.pointer,
                                 inverseDeviation: inverse.pointer)
        #expect(LayerNorm.epsilon == 1e-5)
        #expect(abs(normalized.pointer[0] - Float(0.5).squareRoot()) < 1e-4)
        #expect(abs(normalized.pointer[chunk] + Float(0.5).squareRoot()) < 1e-4)
        #expect(rectified.pointer[chunk] == 0)
        #expect(abs(inverse.pointer[0] - 1 / (2 * 1e-5 as Float).squareRoot()) < 1)
    }

    @Test(arguments: [1, 7, 256])
    func forwardEqualsAPlainLoop(rows: Int) {
        var numbers = Numbers(seed: UInt64(rows))
        let chunk = Kernels.chunk
        let z = numbers.buffer(rows * chunk) { $0.value() * 8 }
        let normalized = FloatBuffer(count: rows * chunk), rectified = FloatBuffer(count: rows * chunk)
        let inverse = FloatBuffer(count: chunk)
        Kernels.layerNormForward(z.pointer, rows: rows, normalized: normalized.pointer, rectified: rectified.pointer,
                                 inverseDeviation: inverse.pointer)
        let scale = 1 / Float(rows)
        for b in 0 ..< chunk {
            let column = (0 ..< rows).map { z.pointer[$0 * chunk + b] }
            let mean = column.reduce(0, +) * scale
            let squares = column.reduce(Float(0)) { $0.addingProduct($1 - mean, $1 - mean) }
            let inverseDeviation = 1 / (squares * scale + LayerNorm.epsilon).squareRoot()
            #expect(inverse.pointer[b] == inverseDeviation)
            for r in 0 ..< rows {
                let n = (column[r] - mean) * inverseDeviation
                #expect(normalized.pointer[r * chunk + b] == n && rectified.pointer[r * chunk + b] == max(n, 0))
            }
        }
    }

    @Test(arguments: [(false, true), (true, false)])
    func derivativeEqualsAPlainLoop(maskInput: Bool, maskOutput: Bool) {
        var numbers = Numbers(seed: maskInput ? 1 : 2)
        let rows = 19, chunk = Kernels.chunk
        let d = numbers.buffer(rows * chunk) { $0.value() }, n = numbers.buffer(rows * chunk) { $0.value() }
        let inverse = numbers.buffer(chunk) { 1 + $0.value() * $0.value() }
        let out = FloatBuffer(count: rows * chunk)
        Kernels.layerNormDerivative(d.pointer, rows: rows, normalized: n.pointer, inverseDeviation: inverse.pointer,
                                    maskInput: maskInput, maskOutput: maskOutput, into: out.pointer)
        let scale = 1 / Float(rows)
        for b in 0 ..< chunk {
            let ns = (0 ..< rows).map { n.pointer[$0 * chunk + b] }
            let ds = (0 ..< rows).map { maskInput && ns[$0] <= 0 ? 0 : d.pointer[$0 * chunk + b] }
            let meanD = ds.reduce(0, +) * scale
            let meanDN = zip(ds, ns).reduce(Float(0)) { $0.addingProduct($1.0, $1.1) } * scale
            for r in 0 ..< rows {
                var result = (ds[r] - meanD - ns[r] * meanDN) * inverse.pointer[b]
                if maskOutput && ns[r] <= 0 { result = 0 }
                #expect(out.pointer[r * chunk + b] == result)
            }
        }
    }
}
