import Foundation

/// Trains a ternary MLP with noise_step, one `step()` at a time.
///
/// Not thread-safe: one owner (a serial queue) calls it. Internally a step fans out over
/// worker threads, with a fixed reduction order, so every result is bit-identical for any
/// `options.threads`. Persistent training state is the packed model (1.6 bits per
/// parameter), the step counter and the current settings; the Float weights and the
/// chunk workspaces are scratch, rebuilt from the packed model every step.
public final class Trainer {
    /// The options the run started with (hidden, input, seed, alignment, batch…).
    public let options: TrainingOptions
    public let training: Dataset
    public private(set) var model: TernaryModel
    /// Steps finished; the next step is number `stepsDone + 1`.
    public private(set) var stepsDone: Int
    /// Settings the next step uses; the density schedule changes them after each step,
    /// and `change(_:)` between steps.
    public private(set) var settings: StepSettings
    /// The processes this run's steps are shared with (`.single`: none).
    public let sharing: StepSharing

    private let runner: BatchRunner

    /// A fresh run: weights from `options.seed`; its steps shared through `sharing`.
    /// - Throws: the first option outside the rulebook's limits, before anything is allocated.
    public convenience init(options: TrainingOptions, training: Dataset,
                            sharing: StepSharing = .single) throws(LimitViolation) {
        let shape = try Limits.check(options)
        self.init(options: options, training: training, model: TernaryModel(shape: shape, seed: options.seed),
                  stepsDone: 0, settings: StepSettings(options), sharing: sharing)
    }

    /// A run continued from `model` after `stepsDone` steps, e.g. from a step log, whose
    /// next step uses `settings`.
    /// - Precondition: the options and settings are within `Limits` (a step log's are).
    init(options: TrainingOptions, training: Dataset, model: TernaryModel, stepsDone: Int, settings: StepSettings,
         sharing: StepSharing) {
        precondition(training.count > 0, "training set is empty")
        self.options = options
        self.training = training
        self.model = model
        self.stepsDone = stepsDone
        self.settings = settings
        self.sharing = sharing
        runner = BatchRunner(shape: model.shape, threads: options.threads)
    }

    /// Uses `settings` from the next step on.
    /// - Throws: the limit they break; the current settings are then kept.
    public func change(_ settings: StepSettings) throws(LimitViolation) {
        try Limits.check(settings, parameterCount: model.shape.parameterCount)
        self.settings = settings
    }

    /// One noise_step step: draw the batch and the perturbations, measure each
    /// perturbation's alignment, keep the stronger signs, move the weights. In a group
    /// (`sharing`), every process takes rank 0's settings for the step first.
    public func step() -> (snapshot: TrainingSnapshot, entry: StepLogEntry) {
        let started = DispatchTime.now().uptimeNanoseconds
        let stepNumber = stepsDone + 1
        settings = sharing.agree(on: settings, step: stepNumber)
        let parameterCount = model.shape.parameterCount
        let perturbations = (0 ..< settings.samples).map {
            Perturbation(seed: options.seed, step: stepNumber, index: $0, density: settings.density,
                         parameterCount: parameterCount)
        }
        let measured = measure(step: stepNumber, perturbations: perturbations)
        // One sort of |α| serves the kept signs and the published spread.
        let threshold = UpdateRule.threshold(alignments: measured.alignments, quantile: settings.rejectQuantile)
        let kept = UpdateRule.keptSigns(alignments: measured.alignments, threshold: threshold)
        let changed = UpdateRule.apply(perturbations, keptSigns: kept, to: &model)
        let entry = StepLogEntry(step: stepNumber, settings: settings, keptSigns: kept, loss: Float(measured.loss),
                                 batchAccuracy: Float(measured.accuracy))
        let snapshot = TrainingSnapshot(
            step: stepNumber, loss: measured.loss, batchAccuracy: measured.accuracy,
            kept: UpdateRule.keptCount(kept), samples: settings.samples,
            perturbedEntries: perturbations.reduce(0) { $0 + $1.positions.count }, weightsChanged: changed,
            layers: model.layerStats, density: settings.density, rejectQuantile: settings.rejectQuantile,
            schedule: settings.schedule,
            alignment: options.alignment, seed: options.seed,
            stepSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9,
            alignmentSpread: AlignmentSpread(alignments: measured.alignments, threshold: threshold))
        stepsDone = stepNumber
        settings.density = entry.nextDensity
        return (snapshot, entry)
    }

    /// The batch loss, accuracy and every α_i = ∇L·ν_i of step `step`, at the current weights.
    /// In a group, this process computes its share of the chunks and `sharing` gathers
    /// the others' rows before the chunk-order totals.
    public func measure(step: Int, perturbations: [Perturbation]) -> (loss: Double, accuracy: Double, alignments: [Double]) {
        let indices = batchIndices(step: step)
        let entries = PerturbationEntries(perturbations, shape: model.shape)
        runner.refresh(from: model)
        let chunks = BatchRunner.chunks(covering: indices.count)
        let width = perturbations.count + 2  // [α_0 … α_{n−1}, loss sum, correct]
        let results = ChunkResults(chunks: chunks, width: width)
        let options = options, alignment = options.alignment, data = training
        let share = sharing.chunks(of: chunks)
        runner.forEachChunk(share.count) { workspace, index in
            let chunk = share.lowerBound + index
            let (lossSum, correct) = workspace.trainingPass(batch: indices, chunk: chunk, step: step, data: data,
                                                            options: options)
            let row = results.row(chunk)
            switch alignment {
            case .reverse: workspace.reverseAlignments(entries: entries, into: row)
            case .forward: workspace.forwardAlignments(entries: entries, into: row)
            }
            row[width - 2] = lossSum
            row[width - 1] = Double(correct)
        }
        sharing.combine(results.values, chunks: chunks, width: width)
        let batch = Double(indices.count)
        let alignments = (0 ..< perturbations.count).map { results.total($0) / batch }
        return (results.total(width - 2) / batch, results.total(width - 1) / batch, alignments)
    }

    /// What the current model predicts for each class of `dataset`.
    public func confusion(on dataset: Dataset) -> ConfusionMatrix {
        Evaluation.confusion(of: model, on: dataset, encoding: options.input, runner: runner)
    }
}
