/// Per example, its nonzero inputs: their indices and encoded values, in ascending index
/// order. Fixed storage, refilled per chunk.
// @unchecked: raw pointers are not Sendable; one worker owns one InkLists at a time.
package final class InkLists: @unchecked Sendable {
    package let inputs: Int
    /// [examples, inputs]; the first counts[b] entries of row b are used, ascending.
    package let indices: UnsafeMutablePointer<Int32>
    /// [examples, inputs]: values[b, i] is the input at indices[b, i].
    package let values: UnsafeMutablePointer<Float>
    /// [examples].
    package let counts: UnsafeMutablePointer<Int>
    package let examples: Int

    package init(examples: Int, inputs: Int) {
        self.inputs = inputs
        self.examples = examples
        indices = .allocate(capacity: examples * inputs)
        indices.initialize(repeating: 0, count: examples * inputs)
        values = .allocate(capacity: examples * inputs)
        values.initialize(repeating: 0, count: examples * inputs)
        counts = .allocate(capacity: examples)
        counts.initialize(repeating: 0, count: examples)
    }

    deinit {
        indices.deallocate()
        values.deallocate()
        counts.deallocate()
    }

    package subscript(example: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: indices + example * inputs, count: counts[example])
    }
}
