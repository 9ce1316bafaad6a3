import CNoiseStepKernels

/// The machine's own limit, for `noisestep bench`: fused multiply-adds with nothing else.
extension Kernels {
    /// Independent accumulator chains: enough to hide the FMA latency on two pipes.
    package static let peakChains = 12
    /// Floating-point operations one iteration of `fmaPeakLoop` does: each chain one
    /// fused multiply-add (2 operations) on each of the eight lanes.
    package static let peakOperationsPerIteration = peakChains * 8 * 2

    /// `iterations` rounds of twelve independent eight-lane fused multiply-adds, register
    /// to register; the sum is returned so that the work cannot be dropped. The multiplier
    /// is just under 1, so the values stay finite.
    package static func fmaPeakLoop(iterations: Int, seed: Float) -> Float { ns_fma_peak_loop(iterations, seed) }
}
