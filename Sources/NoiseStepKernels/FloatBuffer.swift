/// Owned, zero-initialised, 64-byte aligned Float storage for the kernels, which work
/// through raw pointers. Reference semantics: one buffer per workspace slot, reused
/// across steps.
// @unchecked: a raw pointer is not Sendable; callers give each worker disjoint slots.
package final class FloatBuffer: @unchecked Sendable {
    package let count: Int
    package let pointer: UnsafeMutablePointer<Float>

    package init(count: Int) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1) * MemoryLayout<Float>.size,
                                                   alignment: FloatBuffer.alignment)
            .bindMemory(to: Float.self, capacity: max(count, 1))
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { pointer.deallocate() }

    /// Bytes: one cache line, so that a row of 16 floats never straddles two.
    static let alignment = 64
}
