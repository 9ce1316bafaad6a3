import Testing
@testable import NoiseStep

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
}
