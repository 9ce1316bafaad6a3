import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep train`: headless training with a progress line, metrics and a model file.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a ternary MLP with noise_step, headless.")

    @OptionGroup var arguments: TrainingArguments

    @Option(help: "When stdout is not a terminal, print one line every N steps.")
    var logEvery = 50

    @Option(help: "Write the model here as it trains (a .nstep step log).")
    var out: String?

    @Option(help: "Write one JSON object per step to this .jsonl file.")
    var metrics: String?

    func validate() throws {
        if logEvery < 1 { throw ValidationError("--log-every: \(logEvery) must be at least 1") }
    }

    func run() throws {
        let options = try arguments.trainingOptions()
        let data = try DataSource.load(directory: arguments.data)
        let metricsWriter = try metrics.map { try MetricsWriter(path: $0) }
        defer { metricsWriter?.close() }
        let trainer = try Trainer(options: options, training: data.training)
        let parameters = trainer.model.shape.parameterCount
        print("training \(options.hidden.map(String.init).joined(separator: "→")) ternary MLP " +
              "(\(parameters) parameters) on \(data.description), \(arguments.steps) steps, \(options.alignment.rawValue) alignment")
        var reporter = ProgressReporter(totalSteps: arguments.steps, logEvery: logEvery)
        let started = Date()
        for index in 0 ..< arguments.steps {
            var (snapshot, _) = trainer.step()
            let isLast = index == arguments.steps - 1
            if isLast || (arguments.evalEvery > 0 && snapshot.step % arguments.evalEvery == 0) {
                snapshot.validationAccuracy = trainer.accuracy(on: data.validation)
            }
            try metricsWriter?.write(snapshot)
            reporter.report(snapshot, stepsThisRun: index + 1)
        }
        let seconds = Date().timeIntervalSince(started)
        let correct = Evaluation.correctCount(of: trainer.model, on: data.validation, encoding: options.input,
                                              threads: options.threads)
        print("done: \(arguments.steps) steps in \(Format.fixed(seconds, 1)) s (\(Format.fixed(1000 * seconds / Double(max(1, arguments.steps)), 2)) ms/step), " +
              "validation accuracy \(Format.percent(Double(correct) / Double(data.validation.count))) (\(correct)/\(data.validation.count))")
    }
}
