import Dispatch

/// The chunks of a real batch on a runner's workers, for the probes (`KernelProbe`,
/// `LayerProbe`): each chunk is loaded and run forward (and, if asked, backward) before a
/// timed body runs on it, so that the body finds real values in every buffer.
struct ProbedBatch {
    let runner: BatchRunner
    let chunks: Int
    private let load: @Sendable (ChunkWorkspace, Int) -> Void

    init(model: TernaryModel, data: Dataset, encoding: InputEncoding, batch indices: [Int], threads: Int,
         backward: Bool) {
        precondition(!indices.isEmpty)
        runner = BatchRunner(shape: model.shape, threads: threads)
        runner.refresh(from: model)
        chunks = BatchRunner.chunks(covering: indices.count)
        load = { workspace, chunk in
            workspace.load(indices[BatchRunner.examples(of: chunk, in: indices.count)], from: data, encoding: encoding)
            workspace.forward()
            if backward {
                _ = workspace.softmaxCrossEntropy()
                workspace.backwardDeltas()
            }
        }
    }

    /// Wall seconds of loading every chunk and running `body` on it, spread over the workers.
    func seconds(_ body: @Sendable (ChunkWorkspace, Int) -> Void) -> Double {
        let load = load
        let started = DispatchTime.now().uptimeNanoseconds
        runner.forEachChunk(chunks) { workspace, chunk in
            load(workspace, chunk)
            body(workspace, chunk)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    }
}
