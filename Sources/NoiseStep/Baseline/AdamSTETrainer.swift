import Foundation

/// Trains the same ternary MLP with Adam and the straight-through estimator: the
/// comparison baseline of the noise_step paper, matching
/// `Tests/Peer/noise_step_peer.py --mode adam-ste`.
///
/// Latent fp32 weights θ start at the ternary init of `options.seed`. The forward pass
/// uses q = round(clamp(θ, −1, 1)); the gradient of the mean batch loss with respect to
/// q is handed to θ unchanged (straight through); Adam updates θ, which is then clamped
/// to ±1.5. Batches are drawn exactly as `Trainer` draws them; the perturbation
/// settings (samples, density, schedule, alignment, reject quantile) are not used.
///
/// Not thread-safe: one owner calls it. A step fans out over `options.threads` workers,
/// but every sum has a fixed order, so results are bit-identical for any thread count.
/// Persistent state: 12 bytes per parameter (θ and Adam's two moments) plus the packed
/// ternary model; see `footprint`.
public final class AdamSTETrainer {
    public let options: TrainingOptions
    public let training: Dataset
    public let settings: AdamSettings
    /// The ternarized weights, round(clamp(θ, −1, 1)), as of the last step.
    public private(set) var model: TernaryModel
    /// Steps finished; the next step is number `stepsDone + 1`.
    public private(set) var stepsDone = 0

    let adam: AdamState
    private let runner: BatchRunner
    let activations: BatchActivations
    /// The units of the update: up to four parameter rows of one layer each.
    private let blocks: [(layer: Int, rows: Range<Int>)]

    /// A fresh run with Adam's default settings and learning rate `learningRate`.
    public convenience init(options: TrainingOptions, training: Dataset, learningRate: Double = 1e-3) throws(LimitViolation) {
        try self.init(options: options, training: training, settings: AdamSettings(learningRate: learningRate))
    }

    /// A fresh run: θ equal to the ternary weights `Trainer` would start from.
    /// - Throws: the first option outside the rulebook's limits, before anything is allocated.
    public init(options: TrainingOptions, training: Dataset, settings: AdamSettings) throws(LimitViolation) {
        let shape = try Limits.checkAdamSTE(options, learningRate: settings.learningRate)
        precondition(training.count > 0, "training set is empty")
        self.options = options
        self.training = training
        self.settings = settings
        model = TernaryModel(shape: shape, seed: options.seed)
        adam = AdamState(model: model, settings: settings)
        runner = BatchRunner(shape: shape, threads: options.threads)
        activations = BatchActivations(shape: shape, batch: options.batch)
        blocks = shape.places.flatMap { place in
            let rows = place.parameters?.rows ?? 0
            return stride(from: 0, to: rows, by: 4).map { first in (place.index, first ..< min(first + 4, rows)) }
        }
    }

    /// One step: forward and backward over the batch, one Adam update of every latent
    /// weight, then the new ternary model. Loss and accuracy are those of the batch before
    /// the update; `weightsChanged` counts ternary values that changed.
    public func step() -> TrainingSnapshot {
        let started = DispatchTime.now().uptimeNanoseconds
        let stepNumber = stepsDone + 1
        let measured = backward(step: stepNumber)
        update(step: stepNumber)
        let changed = adam.ternarize(into: &model)
        stepsDone = stepNumber
        return TrainingSnapshot(
            step: stepNumber, loss: measured.loss, batchAccuracy: measured.accuracy,
            kept: 0, samples: 0, perturbedEntries: 0, weightsChanged: changed, layers: model.layerStats,
            density: 0, rejectQuantile: options.rejectQuantile, schedule: options.schedule,
            alignment: options.alignment, seed: options.seed,
            stepSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// What the current ternary model predicts for each class of `dataset`.
    public func confusion(on dataset: Dataset) -> ConfusionMatrix {
        Evaluation.confusion(of: model, on: dataset, encoding: options.input, runner: runner)
    }

    /// Bytes kept between steps (θ, m, v, the packed model, the step counter) and scratch
    /// (expanded weights, worker workspaces, the batch's activations and deltas).
    public var footprint: TrainingFootprint {
        let shape = model.shape
        return TrainingFootprint(
            parameters: shape.parameterCount,
            stateBytes: adam.bytes + model.packedBytes + MemoryLayout<Int>.size,
            scratchBytes: TrainingFootprint.runnerScratchBytes(shape: shape, threads: options.threads, batch: options.batch)
                + TrainingFootprint.bufferBytes(of: activations))
    }

    /// Bytes of training state per parameter: about 12.26 (θ, m and v as Float, plus the
    /// packed ternary model). No full gradient is kept: each block of rows is updated as
    /// soon as its gradient is summed.
    public var stateBytesPerParameter: Double { footprint.stateBytesPerParameter }

    /// Forward, loss and backward of every chunk of step `step`'s batch, keeping each
    /// chunk's layer inputs and deltas in `activations`.
    func backward(step: Int) -> (loss: Double, accuracy: Double) {
        let indices = batchIndices(step: step)
        runner.refresh(from: model)
        let chunks = BatchRunner.chunks(covering: indices.count)
        let results = ChunkResults(chunks: chunks, width: 2)  // [loss sum, correct]
        let options = options, data = training, activations = activations
        runner.forEachChunk(chunks) { workspace, chunk in
            let (lossSum, correct) = workspace.trainingPass(batch: indices, chunk: chunk, step: step, data: data,
                                                            options: options)
            workspace.backwardDeltas()
            activations.store(workspace, chunk: chunk)
            results.row(chunk)[0] = lossSum
            results.row(chunk)[1] = Double(correct)
        }
        let batch = Double(indices.count)
        return (results.total(0) / batch, results.total(1) / batch)
    }

    /// Sums the mean-loss gradient of each block of rows over the batch and applies Adam
    /// update number `step` to those rows' weights and biases.
    private func update(step: Int) {
        let stages = runner.stages, activations = activations, adam = adam, blocks = blocks
        let factors = adam.factors(step: step, gradientScale: 1 / Float(options.batch))
        runner.forEach(blocks.count) { index in
            let (layer, rows) = blocks[index]
            let stage = stages[layer], offset = stage.place.parameterOffset
            guard let block = stage.place.parameters else { return }
            let columns = block.columns
            withUnsafeTemporaryAllocation(of: Float.self, capacity: rows.count * (columns + 1)) { buffer in
                let weightGradients = buffer.baseAddress!, biasGradients = weightGradients + rows.count * columns
                activations.gradient(stage, rows: rows, weights: weightGradients, biases: biasGradients)
                adam.update(start: offset + rows.lowerBound * columns, count: rows.count * columns,
                            gradients: weightGradients, factors)
                adam.update(start: offset + block.weightCount + rows.lowerBound, count: rows.count,
                            gradients: biasGradients, factors)
            }
        }
    }
}
