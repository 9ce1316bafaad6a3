/// Layer normalization (no learned parameters) + ReLU over feature-major chunks, and
/// its derivatives in both directions. Statistics are per example (per column), over
/// all `rows` features.
///
/// The passes down the rows cover 32 columns at a time: four SIMD8 vectors of independent
/// sums hide the add latency, and a 32-column slice of 256 rows (32 KiB) stays close to
/// L1 across the passes. Each column's sums are in ascending row order.
extension Kernels {
    /// Vectors one pass down the rows carries.
    static let vectorsPerSlice = 4

    /// normalized = (z − mean) / sqrt(var + eps); rectified = max(normalized, 0);
    /// inverseDeviation[b] = 1 / sqrt(var_b + eps).
    ///
    /// - z, normalized, rectified: [rows, 64]; inverseDeviation: [64].
    package static func layerNormForward(_ z: UnsafePointer<Float>, rows: Int,
                                         normalized: UnsafeMutablePointer<Float>,
                                         rectified: UnsafeMutablePointer<Float>,
                                         inverseDeviation: UnsafeMutablePointer<Float>) {
        let scale = Vector(repeating: 1 / Float(rows)), epsilon = Vector(repeating: LayerNorm.epsilon)
        for column in stride(from: 0, to: chunk, by: vectorsPerSlice * Vector.scalarCount) {
            let z = z + column
            var s0 = Vector(), s1 = Vector(), s2 = Vector(), s3 = Vector()
            for r in 0 ..< rows {
                let row = z + r * chunk
                s0 += load(row); s1 += load(row + 8); s2 += load(row + 16); s3 += load(row + 24)
            }
            let m0 = s0 * scale, m1 = s1 * scale, m2 = s2 * scale, m3 = s3 * scale
            var q0 = Vector(), q1 = Vector(), q2 = Vector(), q3 = Vector()
            for r in 0 ..< rows {
                let row = z + r * chunk
                let d0 = load(row) - m0, d1 = load(row + 8) - m1, d2 = load(row + 16) - m2, d3 = load(row + 24) - m3
                q0 = q0.addingProduct(d0, d0); q1 = q1.addingProduct(d1, d1)
                q2 = q2.addingProduct(d2, d2); q3 = q3.addingProduct(d3, d3)
            }
            // Vector v of the slice, with its column mean and sum of squares (no array per slice).
            @inline(__always) func write(_ v: Int, mean: Vector, squares: Vector) {
                let offset = column + v * Vector.scalarCount, inverse = 1 / (squares * scale + epsilon).squareRoot()
                store(inverse, inverseDeviation + offset)
                for r in 0 ..< rows {
                    let n = (load(z - column + r * chunk + offset) - mean) * inverse
                    store(n, normalized + r * chunk + offset)
                    store(n.replacing(with: 0, where: n .< 0), rectified + r * chunk + offset)
                }
            }
            write(0, mean: m0, squares: q0); write(1, mean: m1, squares: q1)
            write(2, mean: m2, squares: q2); write(3, mean: m3, squares: q3)
        }
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
        let scale = Vector(repeating: 1 / Float(rows)), zero = Vector()
        @inline(__always) func masked(_ offset: Int) -> (d: Vector, n: Vector) {
            let nr = load(n + offset), dr = load(d + offset)
            return (maskInput ? dr.replacing(with: 0, where: nr .<= 0) : dr, nr)
        }
        for column in stride(from: 0, to: chunk, by: 2 * Vector.scalarCount) {
            var a0 = Vector(), a1 = Vector(), p0 = Vector(), p1 = Vector()
            for r in 0 ..< rows {
                let x = masked(r * chunk + column), y = masked(r * chunk + column + 8)
                a0 += x.d; p0 = p0.addingProduct(x.d, x.n)
                a1 += y.d; p1 = p1.addingProduct(y.d, y.n)
            }
            @inline(__always) func finish(_ v: Int, _ sumD: Vector, _ sumDN: Vector) {
                let offset = column + v * Vector.scalarCount
                let meanD = sumD * scale, meanDN = sumDN * scale, inverse = load(inverseDeviation + offset)
                for r in 0 ..< rows {
                    let (dr, nr) = masked(r * chunk + offset)
                    var result = (dr - meanD - nr * meanDN) * inverse
                    if maskOutput { result = result.replacing(with: zero, where: nr .<= 0) }
                    store(result, out + r * chunk + offset)
                }
            }
            finish(0, a0, p0)
            finish(1, a1, p1)
        }
    }
}
