import CNoiseStepKernels

/// The dense product of a weight matrix and a chunk of activations.
extension Kernels {
    /// out[r, :] = Σ_k matrix[r, k] · input[k, :] + (bias?[r] ?? 0), each sum in
    /// ascending k with one fused multiply-add per term, whatever the blocking.
    ///
    /// Rows go in blocks of six, 16 columns at a time (twelve accumulators in registers);
    /// when six do not divide the rows, the last block overlaps the one before it and
    /// rewrites equal values. Fewer than six rows go one at a time.
    /// - matrix: [rows, inner] row-major; input: [inner, 64]; bias: [rows]; out: [rows, 64].
    package static func multiply(_ matrix: UnsafePointer<Float>, rows: Int, inner: Int,
                                 _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                                 into out: UnsafeMutablePointer<Float>) {
        ns_multiply(matrix, rows, inner, input, bias, out)
    }
}
