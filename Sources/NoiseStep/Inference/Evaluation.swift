/// Batched inference over a whole data set, with the training kernels.
public enum Evaluation {
    /// What the model predicts for every example of `dataset`, by true class.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func confusion(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                 threads: Int = 0) throws(LimitViolation) -> ConfusionMatrix {
        confusion(of: model, on: dataset, encoding: encoding, runner: try .checked(shape: model.shape, threads: threads))
    }

    /// Counts of `predictions` by true class.
    static func confusion(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                          runner: BatchRunner) -> ConfusionMatrix {
        var matrix = ConfusionMatrix(classes: Dataset.classes)
        let predicted = predictions(of: model, on: dataset, encoding: encoding, runner: runner)
        for (truth, guess) in zip(dataset.labels, predicted) { matrix.record(truth: Int(truth), predicted: guess) }
        return matrix
    }
}
