import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep train`: headless training with a progress line, metrics and a step log.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a ternary MLP with noise_step, headless.",
        discussion: """
            With --out, every step is appended to a .nstep step log as it happens; a killed run \
            keeps every finished step. --resume continues such a log to --steps steps in all, \
            bit-identical to an uninterrupted run: it takes every training option from the log \
            (only --steps, --data, --threads and --eval-every apply), so give it the same --data.
            """)

    @OptionGroup var arguments: TrainingArguments

    @Option(help: "When stdout is not a terminal, print one line every N steps.")
    var logEvery = 50

    @Option(help: "Write the run here as it trains: a .nstep step log.")
    var out: String?

    @Option(help: "Continue the run in this .nstep step log, appending to it.")
    var resume: String?

    @Option(help: "Write one JSON object per step to this .jsonl file.")
    var metrics: String?

    @Option(help: "The optimizer: noise-step, or adam-ste (the paper's baseline: fp32 latent weights, Adam, straight-through ternarization).")
    var optimizer = Optimizer.noiseStep

    enum Optimizer: String, ExpressibleByArgument, CaseIterable {
        case noiseStep = "noise-step"
        case adamSTE = "adam-ste"
    }

    func validate() throws {
        if logEvery < 1 { throw ValidationError("--log-every: \(logEvery) must be at least 1") }
        if resume != nil, out != nil { throw ValidationError("--out: a resumed run appends to the --resume log itself") }
        if optimizer == .adamSTE, resume != nil || out != nil {
            throw ValidationError("--optimizer adam-ste: its fp32 state does not fit a step log; use it without --out/--resume")
        }
    }

    func run() throws {
        let data = try DataSource.load(directory: arguments.data)
        let metricsWriter = try metrics.map { try MetricsWriter(path: $0) }
        defer { metricsWriter?.close() }
        let run = try prepare(data)
        defer { run.log?.close() }
        let options = run.options
        print("training \(options.hidden.map(String.init).joined(separator: "→")) ternary MLP " +
              "(\(ModelShape(hidden: options.hidden).parameterCount) parameters) on \(data.description) " +
              "with \(optimizer.rawValue), steps \(run.firstStep + 1)...\(arguments.steps)" +
              (optimizer == .noiseStep ? ", \(options.alignment.rawValue) alignment" : ""))
        var reporter = ProgressReporter(totalSteps: arguments.steps, logEvery: logEvery)
        let started = Date()
        var stepsRun = 0
        var finalCorrect: Int?  // the last step's validation count, reused by the summary
        let validationCount = data.validation.count
        for _ in run.firstStep ..< max(run.firstStep, arguments.steps) {
            var snapshot = try run.step()
            if snapshot.step == arguments.steps || (arguments.evalEvery > 0 && snapshot.step % arguments.evalEvery == 0) {
                let correct = run.correctCount(data.validation)
                snapshot.validationAccuracy = Double(correct) / Double(validationCount)
                finalCorrect = snapshot.step == arguments.steps ? correct : nil
            }
            try metricsWriter?.write(snapshot)
            stepsRun += 1
            reporter.report(snapshot, stepsThisRun: stepsRun)
        }
        if stepsRun > 0 { try run.finish() }
        let seconds = Date().timeIntervalSince(started)
        let correct = finalCorrect ?? run.correctCount(data.validation)
        print("done: \(stepsRun) steps in \(Format.fixed(seconds, 1)) s (\(Format.fixed(1000 * seconds / Double(max(1, stepsRun)), 2)) ms/step), " +
              "validation accuracy \(Format.percent(Double(correct) / Double(validationCount))) (\(correct)/\(validationCount))")
        if data.isBundled {
            let drawn = DrawnDigits.dataset(from: data.validation)
            let drawnCorrect = run.correctCount(drawn)
            print("pad check: \(Format.percent(Double(drawnCorrect) / Double(drawn.count))) of the validation digits " +
                  "redrawn with the pad's brush at random sizes and places (\(drawnCorrect)/\(drawn.count))")
        }
        if let path = out ?? resume { print("model: \(path) (\(run.firstStep + stepsRun) steps)") }
    }
}
