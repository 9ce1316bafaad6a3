/// The input layer's per-worker scratch: the integer sums of one strip and a cursor into
/// each example's ink list.
// @unchecked: raw storage; one worker owns one scratch at a time.
package final class InputLayerScratch: ScratchStorage, @unchecked Sendable {
    /// [64 examples][64 outputs].
    let partial: UnsafeMutablePointer<Int32>
    /// [64]: per example, the first ink entry not yet accumulated.
    let cursors: UnsafeMutablePointer<Int>

    package init() {
        partial = .allocate(capacity: Kernels.chunk * Kernels.outputsPerStrip)
        partial.initialize(repeating: 0, count: Kernels.chunk * Kernels.outputsPerStrip)
        cursors = .allocate(capacity: Kernels.chunk)
        cursors.initialize(repeating: 0, count: Kernels.chunk)
    }

    deinit {
        partial.deallocate()
        cursors.deallocate()
    }

    package var bytes: Int { Kernels.chunk * (Kernels.outputsPerStrip * MemoryLayout<Int32>.size + MemoryLayout<Int>.size) }
}
