import Dispatch
import NoiseStepKernels

/// The machine's fp32 limit as this binary can reach it: twelve independent chains of
/// SIMD8 fused multiply-adds on every worker at once, nothing loaded or stored. Kernels
/// are reported as a fraction of it.
enum MachinePeak {
    /// Iterations per worker: about 0.1 s of work on a 3 GHz core with two FMA pipes.
    static let iterations = 15_000_000

    /// GFLOP/s of `threads` workers running the FMA loop together (wall time).
    static func gflops(threads: Int) -> Double {
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let sum = Kernels.fmaPeakLoop(iterations: iterations, seed: Float(worker))
            precondition(sum.isFinite)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return Double(threads * iterations * Kernels.peakOperationsPerIteration) / seconds / 1e9
    }
}
