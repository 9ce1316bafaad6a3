/// The dense product of a weight matrix and a chunk of activations.
extension Kernels {
    /// Chunk columns a register block computes at once: two SIMD8 vectors. The [inner, 16]
    /// slice of the input it reads stays in L1 while every row block passes over it.
    static let columnsPerBlock = 16
    /// Rows a register block computes at once.
    static let rowsPerBlock = 6

    /// out[r, :] = Σ_k matrix[r, k] · input[k, :] + (bias?[r] ?? 0), each sum in
    /// ascending k with one fused multiply-add per term, whatever the blocking.
    ///
    /// Rows go in blocks of six (twelve accumulators in registers); when six do not divide
    /// the rows, the last block overlaps the one before it and rewrites equal values.
    /// Fewer than six rows go one at a time.
    /// - matrix: [rows, inner] row-major; input: [inner, 64]; bias: [rows]; out: [rows, 64].
    package static func multiply(_ matrix: UnsafePointer<Float>, rows: Int, inner: Int,
                                 _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                                 into out: UnsafeMutablePointer<Float>) {
        for column in stride(from: 0, to: chunk, by: columnsPerBlock) {
            let source = input + column, target = out + column
            guard rows >= rowsPerBlock else {
                for row in 0 ..< rows {
                    multiplyOneRow(matrix + row * inner, inner: inner, source, bias: bias?[row] ?? 0,
                                   into: target + row * chunk)
                }
                continue
            }
            for block in stride(from: 0, to: rows, by: rowsPerBlock) {
                let row = min(block, rows - rowsPerBlock)
                multiplySixRows(matrix + row * inner, inner: inner, source, bias: bias.map { $0 + row },
                                into: target + row * chunk)
            }
        }
    }

    /// Six rows × 16 columns: twelve accumulators, two input loads and six weight
    /// broadcasts per twelve multiply-adds.
    @inline(never)
    private static func multiplySixRows(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                        bias: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        var a0 = Vector(repeating: bias?[0] ?? 0), b0 = a0, a1 = Vector(repeating: bias?[1] ?? 0), b1 = a1
        var a2 = Vector(repeating: bias?[2] ?? 0), b2 = a2, a3 = Vector(repeating: bias?[3] ?? 0), b3 = a3
        var a4 = Vector(repeating: bias?[4] ?? 0), b4 = a4, a5 = Vector(repeating: bias?[5] ?? 0), b5 = a5
        var source = input
        for k in 0 ..< inner {
            let x = load(source), y = load(source + 8)
            let s0 = Vector(repeating: w[k]), s1 = Vector(repeating: w[inner + k])
            let s2 = Vector(repeating: w[2 * inner + k]), s3 = Vector(repeating: w[3 * inner + k])
            let s4 = Vector(repeating: w[4 * inner + k]), s5 = Vector(repeating: w[5 * inner + k])
            a0 = a0.addingProduct(s0, x); b0 = b0.addingProduct(s0, y)
            a1 = a1.addingProduct(s1, x); b1 = b1.addingProduct(s1, y)
            a2 = a2.addingProduct(s2, x); b2 = b2.addingProduct(s2, y)
            a3 = a3.addingProduct(s3, x); b3 = b3.addingProduct(s3, y)
            a4 = a4.addingProduct(s4, x); b4 = b4.addingProduct(s4, y)
            a5 = a5.addingProduct(s5, x); b5 = b5.addingProduct(s5, y)
            source += chunk
        }
        store(a0, out); store(b0, out + 8); store(a1, out + chunk); store(b1, out + chunk + 8)
        store(a2, out + 2 * chunk); store(b2, out + 2 * chunk + 8); store(a3, out + 3 * chunk); store(b3, out + 3 * chunk + 8)
        store(a4, out + 4 * chunk); store(b4, out + 4 * chunk + 8); store(a5, out + 5 * chunk); store(b5, out + 5 * chunk + 8)
    }

    /// One row × 16 columns.
    @inline(never)
    private static func multiplyOneRow(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                       bias: Float, into out: UnsafeMutablePointer<Float>) {
        var a = Vector(repeating: bias), b = a
        var source = input
        for k in 0 ..< inner {
            let s = Vector(repeating: w[k])
            a = a.addingProduct(s, load(source))
            b = b.addingProduct(s, load(source + 8))
            source += chunk
        }
        store(a, out)
        store(b, out + 8)
    }
}
