import NoiseStep

/// One headless run, whichever optimizer drives it: how to take a step, score the model
/// and close its step log.
struct TrainingRun {
    var options: TrainingOptions
    /// Steps already done when this process started (non-zero when resuming).
    var firstStep: Int
    var log: StepLogWriter?
    var step: () throws -> TrainingSnapshot
    /// Examples of a data set the current model gets right, with the trainer's buffers.
    var correctCount: (Dataset) -> Int
    /// Appends the final weights to the log and syncs it.
    var finish: () throws -> Void
}

extension TrainCommand {
    func prepare(_ data: DataSource) throws -> TrainingRun {
        if optimizer == .adamSTE {
            let options = try arguments.trainingOptions()
            let trainer = try AdamSTETrainer(options: options, training: data.training)
            return TrainingRun(options: options, firstStep: 0, log: nil, step: { trainer.step() },
                               correctCount: { trainer.correctCount(on: $0) }, finish: {})
        }
        let trainer: Trainer
        let log: StepLogWriter?
        if let resume {
            let (writer, recorded) = try StepLogWriter.resume(path: resume)
            trainer = Trainer(resuming: recorded, training: data.training, threads: arguments.threads)
            log = writer
        } else {
            let options = try arguments.trainingOptions()
            trainer = try Trainer(options: options, training: data.training)
            log = try out.map { path throws(StepLogError) in try StepLogWriter(creating: path, options: options) }
        }
        return TrainingRun(
            options: trainer.options, firstStep: trainer.stepsDone, log: log,
            step: {
                let (snapshot, entry) = trainer.step()
                try log?.append(entry)
                return snapshot
            },
            correctCount: { trainer.correctCount(on: $0) },
            finish: { try log?.appendWeights(trainer.model, step: trainer.stepsDone) })
    }
}
