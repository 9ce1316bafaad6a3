import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep info`: what a step log or model file holds, how compact it is, the options
/// it was trained with, and how its model scores.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a step log or model file: steps, options, bits per step, size, validation accuracy.",
        discussion: """
            Sizes are compared with the final weights stored as packed ternary (log2(3) bits \
            per parameter), at 2 bits per parameter, and as Float32. The sparsity is that of \
            the model after the last step. The options are those the run started with, written \
            as the command-line options that repeat it; the validation accuracy is measured now \
            on the bundled validation split (or --data's t10k files).
            """)

    @Argument(help: "The step log or model file (.nstep).")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Replay every step and check each saved weights section against it.")
    var verify = false

    @Option(help: "Directory with t10k files to score the model on. Default: the bundled validation split.")
    var data: String?

    func run() throws {
        let log = try StepLog.read(path: file, verifying: verify)
        let model = log.latestModel
        let summary = StepLogSummary(log: log, model: model, verified: verify ? true : nil)
        var report = InfoReport(summary: summary, log: log, validation: try score(model, options: log.options,
                                                                                step: log.lastStep,
                                                                                fingerprint: log.dataFingerprint))
        report.changes = try StepLog.settingsChanges(path: file).map(InfoReport.Change.init)
        print(json ? try report.json() : report.rendered())
    }

    /// The model's accuracy on the validation split; nil when the bundled data is not
    /// installed and no --data was given.
    private func score(_ model: TernaryModel, options: TrainingOptions, step: Int,
                       fingerprint: DataFingerprint?) throws -> InfoReport.Validation? {
        if data == nil, BundledData.locateDirectory() == nil { return nil }
        let (test, source) = try DataSource.testSplit(directory: data)
        DataSource.noteOtherData(fingerprint, file: file, directory: data)
        let correct = try Evaluation.confusion(of: model, on: test, encoding: options.input).correct
        return InfoReport.Validation(step: step, correct: correct, total: test.count, source: Printable.escaped(source))
    }
}
