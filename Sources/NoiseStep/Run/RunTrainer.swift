/// What the run driver needs of a trainer: noise_step's `Trainer` or the Adam-STE
/// baseline. One owner calls it; a step fans out over worker threads internally.
public protocol RunTrainer: AnyObject {
    var options: TrainingOptions { get }
    /// The examples steps are drawn from.
    var training: Dataset { get }
    /// The weights after the last step.
    var model: TernaryModel { get }
    /// Steps finished; the next step is number `stepsDone + 1`.
    var stepsDone: Int { get }
    /// One training step: the figures of it, and the entry that replays it when a step
    /// log can hold this trainer's steps (nil for Adam-STE, whose fp32 state it cannot).
    func trainStep() -> (snapshot: TrainingSnapshot, entry: StepLogEntry?)
    /// What the current model predicts for each class of `dataset`.
    func confusion(on dataset: Dataset) -> ConfusionMatrix
}

extension RunTrainer {
    /// How many examples of `dataset` the current model classifies correctly.
    public func correctCount(on dataset: Dataset) -> Int { confusion(on: dataset).correct }

    /// Fraction of `dataset` the current model classifies correctly; 0 for an empty set.
    public func accuracy(on dataset: Dataset) -> Double { confusion(on: dataset).accuracy }

    /// The examples of step `step`: `options.batch` indices drawn uniformly with
    /// replacement from `training`, from the run's seed alone. Every optimizer trains on
    /// the same batches.
    public func batchIndices(step: Int) -> [Int] {
        var random = RandomStream(seed: options.seed, purpose: .batch, step: step)
        return (0 ..< options.batch).map { _ in random.next(below: training.count) }
    }
}

extension Trainer: RunTrainer {
    public func trainStep() -> (snapshot: TrainingSnapshot, entry: StepLogEntry?) {
        let (snapshot, entry) = step()
        return (snapshot, entry)
    }
}

extension AdamSTETrainer: RunTrainer {
    public func trainStep() -> (snapshot: TrainingSnapshot, entry: StepLogEntry?) { (step(), nil) }
}
