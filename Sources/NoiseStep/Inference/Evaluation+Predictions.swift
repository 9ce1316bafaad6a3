import NoiseStepKernels

extension Evaluation {
    /// The class the model predicts for each example of `dataset`, in order: the top
    /// logit's, ties going to the lower class.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func predictions(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                   threads: Int = 0) throws(LimitViolation) -> [Int] {
        predictions(of: model, on: dataset, encoding: encoding, runner: try .checked(shape: model.shape, threads: threads))
    }

    /// Batched over chunks of 64 examples with the training kernels; each chunk writes
    /// only its own examples, so the result does not depend on the thread count.
    static func predictions(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                            runner: BatchRunner) -> [Int] {
        guard dataset.count > 0 else { return [] }
        runner.refresh(from: model)
        let chunks = BatchRunner.chunks(covering: dataset.count)
        let results = ChunkResults(chunks: chunks, width: Kernels.chunk)  // [chunk][example slot]
        let indices = Array(0 ..< dataset.count)
        runner.forEachChunk(chunks) { workspace, chunk in
            let range = BatchRunner.examples(of: chunk, in: indices.count)
            workspace.load(indices[range], from: dataset, encoding: encoding)
            workspace.forward()
            let row = results.row(chunk)
            for (slot, predicted) in workspace.predictions().enumerated() { row[slot] = Double(predicted) }
        }
        return indices.map { Int(results.values[$0]) }
    }
}
