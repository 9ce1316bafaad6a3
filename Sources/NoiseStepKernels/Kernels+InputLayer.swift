/// The first layer, computed from the ink: an MNIST image is about 80% background, so
/// z[:, b] = bias + Σ_{j: x[b,j] ≠ 0} x[b,j] · W[:, j] touches only the inked inputs.
extension Kernels {
    /// Outputs one pass of the ink list accumulates: eight SIMD8 registers.
    static let outputsPerStrip = 64

    /// Each sum runs in ascending j with one fused multiply-add per inked input.
    ///
    /// - transposedWeights: [inputs, outputs] row-major (W transposed);
    /// - pixels: [64, inputs] example-major encoded inputs; ink[b] lists j with x[b,j] ≠ 0;
    /// - bias: [outputs]; out: [outputs, 64] feature-major.
    package static func inputLayer(transposedWeights wt: UnsafePointer<Float>, inputs: Int, outputs: Int,
                                   pixels: UnsafePointer<Float>, ink: InkLists, bias: UnsafePointer<Float>,
                                   into out: UnsafeMutablePointer<Float>) {
        let strips = outputs / outputsPerStrip
        for b in 0 ..< chunk {
            let example = pixels + b * inputs
            let inked = ink[b]
            for strip in 0 ..< strips {
                let base = strip * outputsPerStrip
                var a0 = load(bias + base), a1 = load(bias + base + 8), a2 = load(bias + base + 16)
                var a3 = load(bias + base + 24), a4 = load(bias + base + 32), a5 = load(bias + base + 40)
                var a6 = load(bias + base + 48), a7 = load(bias + base + 56)
                for j in inked {
                    let x = Vector(repeating: example[Int(j)])
                    let w = wt + Int(j) * outputs + base
                    a0 = a0.addingProduct(x, load(w)); a1 = a1.addingProduct(x, load(w + 8))
                    a2 = a2.addingProduct(x, load(w + 16)); a3 = a3.addingProduct(x, load(w + 24))
                    a4 = a4.addingProduct(x, load(w + 32)); a5 = a5.addingProduct(x, load(w + 40))
                    a6 = a6.addingProduct(x, load(w + 48)); a7 = a7.addingProduct(x, load(w + 56))
                }
                let column = out + base * chunk + b
                scatter(a0, column, stride: chunk); scatter(a1, column + 8 * chunk, stride: chunk)
                scatter(a2, column + 16 * chunk, stride: chunk); scatter(a3, column + 24 * chunk, stride: chunk)
                scatter(a4, column + 32 * chunk, stride: chunk); scatter(a5, column + 40 * chunk, stride: chunk)
                scatter(a6, column + 48 * chunk, stride: chunk); scatter(a7, column + 56 * chunk, stride: chunk)
            }
            for o in strips * outputsPerStrip ..< outputs {
                var sum = bias[o]
                for j in inked { sum += example[Int(j)] * wt[Int(j) * outputs + o] }
                out[o * chunk + b] = sum
            }
        }
    }
}
