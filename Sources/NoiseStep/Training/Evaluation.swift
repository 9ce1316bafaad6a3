/// Batched inference over a whole data set, with the training kernels.
public enum Evaluation {
    /// How many examples of `dataset` the model classifies correctly.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func correctCount(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                    threads: Int = 0) throws(LimitViolation) -> Int {
        try Limits.check(.threads, threads)
        return correctCount(of: model, on: dataset, encoding: encoding,
                            runner: BatchRunner(shape: model.shape, threads: threads))
    }

    /// Fraction of `dataset` the model classifies correctly; 0 for an empty set.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func accuracy(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                threads: Int = 0) throws(LimitViolation) -> Double {
        try Limits.check(.threads, threads)
        return accuracy(of: model, on: dataset, encoding: encoding,
                        runner: BatchRunner(shape: model.shape, threads: threads))
    }

    static func accuracy(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                         runner: BatchRunner) -> Double {
        dataset.count == 0 ? 0
            : Double(correctCount(of: model, on: dataset, encoding: encoding, runner: runner)) / Double(dataset.count)
    }

    static func correctCount(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                             runner: BatchRunner) -> Int {
        guard dataset.count > 0 else { return 0 }
        runner.weights.refresh(from: model)
        let chunks = BatchRunner.chunks(covering: dataset.count)
        let results = ChunkResults(chunks: chunks, width: 1)
        let indices = Array(0 ..< dataset.count), weights = runner.weights
        runner.forEachChunk(chunks) { workspace, chunk in
            let range = BatchRunner.examples(of: chunk, in: indices.count)
            workspace.load(indices[range], from: dataset, encoding: encoding)
            workspace.forward(weights)
            let predicted = workspace.predictions()
            var correct = 0
            for (b, label) in predicted.enumerated() where label == workspace.labels[b] { correct += 1 }
            results.row(chunk)[0] = Double(correct)
        }
        return Int(results.total(0))
    }
}
