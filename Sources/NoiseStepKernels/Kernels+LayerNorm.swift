/// Layer normalization (no learned parameters) + ReLU over feature-major chunks, and
/// its derivatives in both directions. Statistics are per example (per column), over
/// all `rows` features.
extension Kernels {
    /// normalized = (z − mean) / sqrt(var + eps); rectified = max(normalized, 0);
    /// inverseDeviation[b] = 1 / sqrt(var_b + eps).
    ///
    /// - z, normalized, rectified: [rows, 64]; inverseDeviation: [64].
    package static func layerNormForward(_ z: UnsafePointer<Float>, rows: Int,
                                         normalized: UnsafeMutablePointer<Float>,
                                         rectified: UnsafeMutablePointer<Float>,
                                         inverseDeviation: UnsafeMutablePointer<Float>) {
        let scale = Vector(repeating: 1 / Float(rows)), epsilon = Vector(repeating: LayerNorm.epsilon)
        for v in 0 ..< vectorsPerRow {
            var sum = Vector()
            for r in 0 ..< rows { sum += load(z + r * chunk + 8 * v) }
            let mean = sum * scale
            var squares = Vector()
            for r in 0 ..< rows {
                let d = load(z + r * chunk + 8 * v) - mean
                squares = squares.addingProduct(d, d)
            }
            let inverse = 1 / (squares * scale + epsilon).squareRoot()
            store(inverse, inverseDeviation + 8 * v)
            for r in 0 ..< rows {
                let n = (load(z + r * chunk + 8 * v) - mean) * inverse
                store(n, normalized + r * chunk + 8 * v)
                store(n.replacing(with: 0, where: n .< 0), rectified + r * chunk + 8 * v)
            }
        }
    }

    /// Tangent or gradient through LN + ReLU; both directions share this shape.
    ///
    /// Given d (a tangent dz for the forward JVP, or dh⊙mask for the backward pass) and the
    /// saved normalized values n: result = invσ · (d − mean_r(d) − n · mean_r(d⊙n)).
    /// Forward (JVP): pass d = dz, then mask the result with n > 0 (`maskOutput`).
    /// Backward (VJP): pass d = dh, masked first with n > 0 (`maskInput`).
    package static func layerNormDerivative(_ d: UnsafePointer<Float>, rows: Int, normalized n: UnsafePointer<Float>,
                                            inverseDeviation: UnsafePointer<Float>, maskInput: Bool, maskOutput: Bool,
                                            into out: UnsafeMutablePointer<Float>) {
        let scale = Vector(repeating: 1 / Float(rows)), zero = Vector()
        for v in 0 ..< vectorsPerRow {
            var sumD = Vector(), sumDN = Vector()
            for r in 0 ..< rows {
                let nr = load(n + r * chunk + 8 * v)
                var dr = load(d + r * chunk + 8 * v)
                if maskInput { dr = dr.replacing(with: 0, where: nr .<= 0) }
                sumD += dr
                sumDN = sumDN.addingProduct(dr, nr)
            }
            let meanD = sumD * scale, meanDN = sumDN * scale
            let inverse = load(inverseDeviation + 8 * v)
            for r in 0 ..< rows {
                let nr = load(n + r * chunk + 8 * v)
                var dr = load(d + r * chunk + 8 * v)
                if maskInput { dr = dr.replacing(with: 0, where: nr .<= 0) }
                var result = (dr - meanD - nr * meanDN) * inverse
                if maskOutput { result = result.replacing(with: zero, where: nr .<= 0) }
                store(result, out + r * chunk + 8 * v)
            }
        }
    }
}
