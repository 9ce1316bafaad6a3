/// Per example, its nonzero inputs: their indices, in ascending order, and their pixel
/// levels. Fixed storage, refilled per chunk.
// @unchecked: raw pointers are not Sendable; one worker owns one InkLists at a time.
package final class InkLists: ScratchStorage, @unchecked Sendable {
    package let inputs: Int
    /// [examples, inputs]; the first counts[b] entries of row b are used, ascending.
    package let indices: UnsafeMutablePointer<Int32>
    /// [examples, inputs]: levels[b, i] is the level (1...255) of the input at indices[b, i].
    package let levels: UnsafeMutablePointer<Int16>
    /// [examples].
    package let counts: UnsafeMutablePointer<Int>
    package let examples: Int

    package init(examples: Int, inputs: Int) {
        self.inputs = inputs
        self.examples = examples
        indices = .allocate(capacity: examples * inputs)
        indices.initialize(repeating: 0, count: examples * inputs)
        levels = .allocate(capacity: examples * inputs)
        levels.initialize(repeating: 0, count: examples * inputs)
        counts = .allocate(capacity: examples)
        counts.initialize(repeating: 0, count: examples)
    }

    deinit {
        indices.deallocate()
        levels.deallocate()
        counts.deallocate()
    }

    package subscript(example: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: indices + example * inputs, count: counts[example])
    }

    package var bytes: Int {
        examples * (inputs * (MemoryLayout<Int32>.size + MemoryLayout<Int16>.size) + MemoryLayout<Int>.size)
    }
}
