/// Batched inference over a whole data set, with the training kernels.
public enum Evaluation {
    /// How many examples of `dataset` the model classifies correctly.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func correctCount(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                    threads: Int = 0) throws(LimitViolation) -> Int {
        correctCount(of: model, on: dataset, encoding: encoding, runner: try .checked(shape: model.shape, threads: threads))
    }

    /// Fraction of `dataset` the model classifies correctly; 0 for an empty set.
    /// - Throws: a thread count outside the rulebook's limits, before any worker is made.
    public static func accuracy(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                                threads: Int = 0) throws(LimitViolation) -> Double {
        accuracy(of: model, on: dataset, encoding: encoding, runner: try .checked(shape: model.shape, threads: threads))
    }

    static func accuracy(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                         runner: BatchRunner) -> Double {
        dataset.count == 0 ? 0
            : Double(correctCount(of: model, on: dataset, encoding: encoding, runner: runner)) / Double(dataset.count)
    }

    static func correctCount(of model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                             runner: BatchRunner) -> Int {
        confusion(of: model, on: dataset, encoding: encoding, runner: runner).correct
    }
}
