import CNoiseStepKernels

/// The dense weight gradient over a whole batch, dW[o, j] = Σ_b δ[o, b] · a[j, b], for the
/// Adam baseline. noise_step never needs it: it reads single gradient entries instead.
extension Kernels {
    /// out[r, j] = Σ_c Σ_b deltas[c][rows.lowerBound + r, b] · inputs[c][j, b] for each row
    /// r < rows.count (1...4) and input j < inputCount.
    ///
    /// Four rows × two inputs at a time, eight accumulators in registers. Lane k of an
    /// accumulator sums examples b ≡ k (mod 8) over all chunks in order, then the lanes are
    /// added: a fixed order, so the result depends only on the data, never on threads.
    ///
    /// - deltas: [chunks][outputs, 64]; inputs: [chunks][inputCount, 64]; out: [rows.count, inputCount].
    package static func batchWeightGradient(deltas: UnsafePointer<Float>, outputs: Int, rows: Range<Int>,
                                            inputs: UnsafePointer<Float>, inputCount: Int, chunks: Int,
                                            into out: UnsafeMutablePointer<Float>) {
        precondition(!rows.isEmpty && rows.count <= 4 && rows.upperBound <= outputs)
        ns_batch_weight_gradient(deltas, outputs, rows.lowerBound, rows.count, inputs, inputCount, chunks, out)
    }
}
