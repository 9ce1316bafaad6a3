import CNoiseStepKernels

/// Layer normalization (no learned parameters) + ReLU over feature-major chunks, and
/// its derivatives in both directions. Statistics are per example (per column), over
/// all `rows` features, each column's sums in ascending row order.
extension Kernels {
    /// normalized = (z − mean) / sqrt(var + eps); rectified = max(normalized, 0);
    /// inverseDeviation[b] = 1 / sqrt(var_b + eps), with eps = `LayerNorm.epsilon`.
    ///
    /// - z, normalized, rectified: [rows, 64]; inverseDeviation: [64].
    package static func layerNormForward(_ z: UnsafePointer<Float>, rows: Int,
                                         normalized: UnsafeMutablePointer<Float>,
                                         rectified: UnsafeMutablePointer<Float>,
                                         inverseDeviation: UnsafeMutablePointer<Float>) {
        ns_layer_norm_forward(z, rows, LayerNorm.epsilon, normalized, rectified, inverseDeviation)
    }

    /// Tangent or gradient through LN + ReLU; both directions share this shape.
    ///
    /// Given d (a tangent dz for the forward JVP, or dh⊙mask for the backward pass) and the
    /// saved normalized values n: result = invσ · (d − mean_r(d) − n · mean_r(d⊙n)).
    /// Forward (JVP): pass d = dz, then mask the result with n > 0 (`maskOutput`).
    /// Backward (VJP): pass d = dh, masked first with n > 0 (`maskInput`).
    /// - d, n, out: [rows, 64]; inverseDeviation: [64].
    package static func layerNormDerivative(_ d: UnsafePointer<Float>, rows: Int, normalized n: UnsafePointer<Float>,
                                            inverseDeviation: UnsafePointer<Float>, maskInput: Bool, maskOutput: Bool,
                                            into out: UnsafeMutablePointer<Float>) {
        ns_layer_norm_derivative(d, rows, n, inverseDeviation, maskInput ? 1 : 0, maskOutput ? 1 : 0, out)
    }
}
