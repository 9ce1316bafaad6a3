/// The machine's own limit, for `noisestep bench`: fused multiply-adds with nothing else.
extension Kernels {
    /// Independent accumulator chains: enough to hide the FMA latency on two pipes.
    package static let peakChains = 12
    /// Floating-point operations one iteration of `fmaPeakLoop` does: each chain one
    /// fused multiply-add (2 operations) on each of the eight lanes.
    package static let peakOperationsPerIteration = peakChains * Vector.scalarCount * 2

    /// `iterations` rounds of twelve independent SIMD8 fused multiply-adds, register to
    /// register; the sum is returned so that the work cannot be dropped. The multiplier is
    /// just under 1, so the values stay finite.
    @inline(never)
    package static func fmaPeakLoop(iterations: Int, seed: Float) -> Float {
        let m = Vector(repeating: 0.999_999), c = Vector(repeating: 1e-6)
        var a0 = Vector(repeating: seed), a1 = a0 + 1, a2 = a0 + 2, a3 = a0 + 3, a4 = a0 + 4, a5 = a0 + 5
        var a6 = a0 + 6, a7 = a0 + 7, a8 = a0 + 8, a9 = a0 + 9, a10 = a0 + 10, a11 = a0 + 11
        for _ in 0 ..< iterations {
            a0 = c.addingProduct(a0, m); a1 = c.addingProduct(a1, m); a2 = c.addingProduct(a2, m)
            a3 = c.addingProduct(a3, m); a4 = c.addingProduct(a4, m); a5 = c.addingProduct(a5, m)
            a6 = c.addingProduct(a6, m); a7 = c.addingProduct(a7, m); a8 = c.addingProduct(a8, m)
            a9 = c.addingProduct(a9, m); a10 = c.addingProduct(a10, m); a11 = c.addingProduct(a11, m)
        }
        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).sum()
    }
}
