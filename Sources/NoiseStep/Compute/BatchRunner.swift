import Dispatch
import Foundation

/// Spreads the chunks of a batch over worker threads. Chunk c always covers examples
/// [64c, 64c + 64) and writes only its own result slot, and results are combined in chunk
/// order, so the outcome is bit-identical for any number of threads.
final class BatchRunner: @unchecked Sendable {
    let shape: ModelShape
    let weights: ExpandedWeights
    private let workspaces: [ChunkWorkspace]

    /// - Parameter threads: worker count; 0 means one per active processor.
    init(shape: ModelShape, threads: Int) {
        self.shape = shape
        weights = ExpandedWeights(shape: shape)
        let count = threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount
        workspaces = (0 ..< max(1, count)).map { _ in ChunkWorkspace(shape: shape) }
    }

    var threadCount: Int { workspaces.count }

    /// Runs `body(workspace, chunk)` for chunks 0..<chunks, each on some worker.
    func forEachChunk(_ chunks: Int, _ body: (ChunkWorkspace, Int) -> Void) {
        let workers = min(workspaces.count, chunks)
        if workers <= 1 {
            for chunk in 0 ..< chunks { body(workspaces[0], chunk) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for chunk in stride(from: worker, to: chunks, by: workers) { box.value(workspaces[worker], chunk) }
            }
        }
    }
}

/// Lets a value cross into `concurrentPerform` when the caller guarantees the workers
/// touch disjoint state.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Per-chunk result slots, written by workers at disjoint indices.
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
