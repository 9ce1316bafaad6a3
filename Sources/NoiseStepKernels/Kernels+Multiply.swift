/// The dense product of a weight matrix and a chunk of activations.
extension Kernels {
    /// Output rows a register block computes at once.
    static let rowsPerBlock = 4
    /// Chunk columns a register block computes at once: two SIMD8 vectors.
    static let columnsPerBlock = 16

    /// out[r, :] = Σ_k matrix[r, k] · input[k, :] + (bias?[r] ?? 0), each sum in
    /// ascending k with one fused multiply-add per term.
    ///
    /// - matrix: [rows, inner] row-major; input: [inner, 64]; bias: [rows]; out: [rows, 64].
    package static func multiply(_ matrix: UnsafePointer<Float>, rows: Int, inner: Int,
                                 _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                                 into out: UnsafeMutablePointer<Float>) {
        var row = 0
        while row + rowsPerBlock <= rows {
            multiplyFourRows(matrix + row * inner, inner: inner, input, bias: bias.map { $0 + row },
                             into: out + row * chunk)
            row += rowsPerBlock
        }
        while row < rows {
            multiplyOneRow(matrix + row * inner, inner: inner, input, bias: bias?[row] ?? 0, into: out + row * chunk)
            row += 1
        }
    }

    /// Four output rows, sixteen columns at a time: eight accumulators stay in registers.
    @inline(__always)
    private static func multiplyFourRows(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                         bias: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        let w0 = w, w1 = w + inner, w2 = w + 2 * inner, w3 = w + 3 * inner
        for column in stride(from: 0, to: chunk, by: columnsPerBlock) {
            var a0 = Vector(repeating: bias?[0] ?? 0), b0 = a0
            var a1 = Vector(repeating: bias?[1] ?? 0), b1 = a1
            var a2 = Vector(repeating: bias?[2] ?? 0), b2 = a2
            var a3 = Vector(repeating: bias?[3] ?? 0), b3 = a3
            var source = input + column
            for k in 0 ..< inner {
                let x = load(source), y = load(source + 8)
                let s0 = Vector(repeating: w0[k]), s1 = Vector(repeating: w1[k])
                let s2 = Vector(repeating: w2[k]), s3 = Vector(repeating: w3[k])
                a0 = a0.addingProduct(s0, x); b0 = b0.addingProduct(s0, y)
                a1 = a1.addingProduct(s1, x); b1 = b1.addingProduct(s1, y)
                a2 = a2.addingProduct(s2, x); b2 = b2.addingProduct(s2, y)
                a3 = a3.addingProduct(s3, x); b3 = b3.addingProduct(s3, y)
                source += chunk
            }
            store(a0, out + column); store(b0, out + column + 8)
            store(a1, out + chunk + column); store(b1, out + chunk + column + 8)
            store(a2, out + 2 * chunk + column); store(b2, out + 2 * chunk + column + 8)
            store(a3, out + 3 * chunk + column); store(b3, out + 3 * chunk + column + 8)
        }
    }

    @inline(__always)
    private static func multiplyOneRow(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                       bias: Float, into out: UnsafeMutablePointer<Float>) {
        for column in stride(from: 0, to: chunk, by: columnsPerBlock) {
            var a = Vector(repeating: bias), b = a
            var source = input + column
            for k in 0 ..< inner {
                let s = Vector(repeating: w[k])
                a = a.addingProduct(s, load(source))
                b = b.addingProduct(s, load(source + 8))
                source += chunk
            }
            store(a, out + column)
            store(b, out + column + 8)
        }
    }
}
