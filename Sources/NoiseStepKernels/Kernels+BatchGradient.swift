/// The dense weight gradient over a whole batch, dW[o, j] = Σ_b δ[o, b] · a[j, b], for the
/// Adam baseline. noise_step never needs it: it reads single gradient entries instead.
extension Kernels {
    /// out[r, j] = Σ_c Σ_b deltas[c][rows.lowerBound + r, b] · inputs[c][j, b] for each row
    /// r < rows.count (1...4) and input j < inputCount.
    ///
    /// Four rows × two inputs at a time, eight accumulators in registers. Lane k of an
    /// accumulator sums examples b ≡ k (mod 8) over all chunks in order, then the lanes are
    /// added: a fixed order, so the result depends only on the data, never on threads.
    /// Missing rows (fewer than four) and a missing last input repeat a real one, and
    /// their sums are discarded.
    ///
    /// - deltas: [chunks][outputs, 64]; inputs: [chunks][inputCount, 64]; out: [rows.count, inputCount].
    package static func batchWeightGradient(deltas: UnsafePointer<Float>, outputs: Int, rows: Range<Int>,
                                            inputs: UnsafePointer<Float>, inputCount: Int, chunks: Int,
                                            into out: UnsafeMutablePointer<Float>) {
        precondition(!rows.isEmpty && rows.count <= 4 && rows.upperBound <= outputs)
        let last = rows.upperBound - 1
        let r0 = rows.lowerBound, r1 = min(r0 + 1, last), r2 = min(r0 + 2, last), r3 = min(r0 + 3, last)
        let deltaStride = outputs * chunk, inputStride = inputCount * chunk
        for j in stride(from: 0, to: inputCount, by: 2) {
            let k = min(j + 1, inputCount - 1)
            var a0 = Vector(), a1 = Vector(), a2 = Vector(), a3 = Vector()
            var b0 = Vector(), b1 = Vector(), b2 = Vector(), b3 = Vector()
            for c in 0 ..< chunks {
                let d = deltas + c * deltaStride
                let d0 = d + r0 * chunk, d1 = d + r1 * chunk, d2 = d + r2 * chunk, d3 = d + r3 * chunk
                let x = inputs + c * inputStride + j * chunk, y = inputs + c * inputStride + k * chunk
                for v in stride(from: 0, to: chunk, by: Vector.scalarCount) {
                    let xv = load(x + v), yv = load(y + v)
                    let e0 = load(d0 + v), e1 = load(d1 + v), e2 = load(d2 + v), e3 = load(d3 + v)
                    a0 = a0.addingProduct(e0, xv); b0 = b0.addingProduct(e0, yv)
                    a1 = a1.addingProduct(e1, xv); b1 = b1.addingProduct(e1, yv)
                    a2 = a2.addingProduct(e2, xv); b2 = b2.addingProduct(e2, yv)
                    a3 = a3.addingProduct(e3, xv); b3 = b3.addingProduct(e3, yv)
                }
            }
            let count = rows.count
            @inline(__always) func write(_ r: Int, _ first: Vector, _ second: Vector) {
                guard r < count else { return }
                out[r * inputCount + j] = first.sum()
                if k != j { out[r * inputCount + k] = second.sum() }
            }
            write(0, a0, b0); write(1, a1, b1); write(2, a2, b2); write(3, a3, b3)
        }
    }
}
