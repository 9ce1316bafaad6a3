import Dispatch
import Foundation
import NoiseStepKernels
import Synchronization

/// Per-chunk result slots, written by workers at disjoint indices, totalled in chunk order.
// @unchecked: a raw pointer is not Sendable; each worker writes only its own chunks' rows.
final class ChunkResults: @unchecked Sendable {
    let chunks: Int
    let width: Int
    let values: UnsafeMutablePointer<Double>

    /// [chunks, width] Doubles, zeroed.
    init(chunks: Int, width: Int) {
        self.chunks = chunks
        self.width = width
        values = .allocate(capacity: max(1, chunks * width))
        values.initialize(repeating: 0, count: max(1, chunks * width))
    }

    deinit { values.deallocate() }

    func row(_ chunk: Int) -> UnsafeMutablePointer<Double> { values + chunk * width }

    /// Σ over chunks, in chunk order, of column `column`.
    func total(_ column: Int) -> Double {
        var sum = 0.0
        for chunk in 0 ..< chunks { sum += values[chunk * width + column] }
        return sum
    }
}
