import Dispatch
import Foundation
import NoiseStepKernels
import Synchronization

/// Spreads the chunks of a batch over worker threads. Chunk c always covers examples
/// [64c, 64c + 64) and writes only its own result slot, and results are combined in chunk
/// order, so the outcome is bit-identical for any number of threads and any assignment
/// of chunks to workers.
///
/// Workspaces are made on first use, one per worker actually needed: a run of 16 chunks
/// never allocates more than 16, whatever the thread count. One owner calls it.
final class BatchRunner {
    let shape: ModelShape
    /// [layer]: the kernels' forms of each layer's weights, shared by the workers.
    let stages: [any LayerStage]
    /// The most workers a call may use.
    let workerLimit: Int
    private(set) var workspaces: [ChunkWorkspace] = []

    /// - Parameter threads: worker count; 0 means one per active processor.
    init(shape: ModelShape, threads: Int) {
        self.shape = shape
        stages = zip(shape.layers, shape.places).map { layer, place in
            guard let layer = layer as? any RunnableLayer else { preconditionFailure("\(layer.spec): not a kind the engine runs") }
            return layer.makeStage(at: place)
        }
        workerLimit = max(1, threads > 0 ? threads : ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Workers for `shape` once the rulebook has accepted `threads`: the way in for a
    /// thread count that no checked training options carry (eval, history replay).
    static func checked(shape: ModelShape, threads: Int) throws(LimitViolation) -> BatchRunner {
        try Limits.check(.threads, threads)
        return BatchRunner(shape: shape, threads: threads)
    }

    /// Makes every layer's kernel forms equal `model`'s parameters (only what changed is
    /// rewritten). - Precondition: `model.shape == shape`.
    func refresh(from model: TernaryModel) {
        precondition(model.shape == shape)
        for (stage, parameters) in zip(stages, model.layers) { stage.refresh(from: parameters) }
    }

    /// Chunks of 64 that cover `examples` examples, the last one possibly partial.
    static func chunks(covering examples: Int) -> Int { (examples + Kernels.chunk - 1) / Kernels.chunk }

    /// The examples of chunk `chunk` of a batch of `examples`.
    static func examples(of chunk: Int, in examples: Int) -> Range<Int> {
        chunk * Kernels.chunk ..< min(examples, (chunk + 1) * Kernels.chunk)
    }

    /// Runs `body(workspace, chunk)` for chunks 0..<chunks, each on some worker with that
    /// worker's workspace. Workers take the next chunk not yet taken, so a worker the
    /// system holds back delays the batch by one chunk, not by a fixed share; which worker
    /// runs a chunk never changes its result.
    func forEachChunk(_ chunks: Int, _ body: @Sendable (ChunkWorkspace, Int) -> Void) {
        let workers = min(workerLimit, chunks)
        while workspaces.count < workers { workspaces.append(ChunkWorkspace(stages: stages, shape: shape)) }
        let workspaces = workspaces
        Self.spread(chunks, over: workers) { worker, chunk in body(workspaces[worker], chunk) }
    }

    /// Runs `body(index)` for 0..<count over the workers, without workspaces.
    func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        Self.spread(count, over: min(workerLimit, count)) { _, index in body(index) }
    }

    /// Runs `body(worker, item)` for items 0..<count, each worker taking the next item not
    /// yet taken; on this thread when there is one worker.
    static func spread(_ count: Int, over workers: Int, _ body: @Sendable (Int, Int) -> Void) {
        guard workers > 1 else {
            for item in 0 ..< count { body(0, item) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while case let item = next.wrappingAdd(1, ordering: .relaxed).oldValue, item < count { body(worker, item) }
        }
    }
}
