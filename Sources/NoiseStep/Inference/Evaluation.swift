/// Batched inference over a whole data set, with the training kernels.
public enum Evaluation {
    /// What the model predicts for every example of `dataset`, by true class.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func confusion(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                 threads: Int = 0) throws(LimitViolation) -> ConfusionMatrix {
        confusion(of: model, on: dataset, encoding: encoding, runner: try .checked(shape: model.shape, threads: threads))
    }

    /// Batched over chunks of 64 examples with the training kernels; each chunk's counts
    /// are combined in chunk order, so the result does not depend on the thread count.
    static func confusion(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                          runner: BatchRunner) -> ConfusionMatrix {
        let classes = Dataset.classes
        guard dataset.count > 0 else { return ConfusionMatrix(classes: classes) }
        runner.weights.refresh(from: model)
        let chunks = BatchRunner.chunks(covering: dataset.count)
        let results = ChunkResults(chunks: chunks, width: classes * classes)
        let indices = Array(0 ..< dataset.count), weights = runner.weights
        runner.forEachChunk(chunks) { workspace, chunk in
            let range = BatchRunner.examples(of: chunk, in: indices.count)
            workspace.load(indices[range], from: dataset, encoding: encoding)
            workspace.forward(weights)
            let row = results.row(chunk)
            for (example, predicted) in workspace.predictions().enumerated() {
                let truth = workspace.labels[example]
                guard (0 ..< classes).contains(truth), (0 ..< classes).contains(predicted) else { continue }
                row[truth * classes + predicted] += 1
            }
        }
        return ConfusionMatrix(classes: classes, counts: (0 ..< classes * classes).map { Int(results.total($0)) })
    }
}
