import Dispatch
import Foundation
import NoiseStepKernels

/// Spreads the chunks of a batch over worker threads. Chunk c always covers examples
/// [64c, 64c + 64) and writes only its own result slot, and results are combined in chunk
/// order, so the outcome is bit-identical for any number of threads.
///
/// Workspaces are made on first use, one per worker actually needed: a run of 16 chunks
/// never allocates more than 16, whatever the thread count. One owner calls it.
final class BatchRunner {
    let shape: ModelShape
    let weights: ExpandedWeights
    /// The most workers a call may use.
    let workerLimit: Int
    private(set) var workspaces: [ChunkWorkspace] = []

    /// - Parameter threads: worker count; 0 means one per active processor.
    init(shape: ModelShape, threads: Int) {
        self.shape = shape
        weights = ExpandedWeights(shape: shape)
        workerLimit = max(1, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Chunks of 64 that cover `examples` examples, the last one possibly partial.
    static func chunks(covering examples: Int) -> Int { (examples + Kernels.chunk - 1) / Kernels.chunk }

    /// The examples of chunk `chunk` of a batch of `examples`.
    static func examples(of chunk: Int, in examples: Int) -> Range<Int> {
        chunk * Kernels.chunk ..< min(examples, (chunk + 1) * Kernels.chunk)
    }

    /// Runs `body(workspace, chunk)` for chunks 0..<chunks, each on some worker; worker w
    /// takes chunks w, w + workers, … with its own workspace.
    func forEachChunk(_ chunks: Int, _ body: @Sendable (ChunkWorkspace, Int) -> Void) {
        let workers = min(workerLimit, chunks)
        while workspaces.count < workers { workspaces.append(ChunkWorkspace(shape: shape)) }
        let workspaces = workspaces
        Self.spread(workers) { worker in
            for chunk in stride(from: worker, to: chunks, by: workers) { body(workspaces[worker], chunk) }
        }
    }

    /// Runs `body(index)` for 0..<count over the workers, without workspaces.
    func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        let workers = min(workerLimit, count)
        Self.spread(workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { body(index) }
        }
    }

    /// Runs `body(worker)` for each of `workers` workers, on this thread when there is one.
    private static func spread(_ workers: Int, _ body: @Sendable (Int) -> Void) {
        if workers == 1 { return body(0) }
        if workers > 1 { DispatchQueue.concurrentPerform(iterations: workers, execute: body) }
    }
}

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
