/// Owned, zero-initialised, 64-byte aligned storage for the kernels, which work through
/// raw pointers. Reference semantics: one buffer per workspace slot, reused across steps.
// @unchecked: a raw pointer is not Sendable; callers give each worker disjoint slots.
package final class KernelBuffer<Element: BitwiseCopyable & Numeric>: ScratchStorage, @unchecked Sendable {
    package let count: Int
    package let pointer: UnsafeMutablePointer<Element>

    package init(count: Int) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Element>.stride,
                                                   alignment: cacheLine)
            .bindMemory(to: Element.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    package var bytes: Int { count * MemoryLayout<Element>.stride }
}

package typealias FloatBuffer = KernelBuffer<Float>

/// Bytes of a cache line: buffers start on one, so that a 64-byte row never straddles two.
let cacheLine = 64
