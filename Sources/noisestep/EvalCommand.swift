import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep eval`: accuracy of a saved model.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Report a saved model's accuracy on a test split.")

    @Option(help: "The model: a .nstep step log written by train, the dashboard or replay.")
    var model: String

    @Option(help: "Directory with t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or .gz). Default: the bundled validation split.")
    var data: String?

    @Flag(help: "Print exactly one JSON line: {\"accuracy\": …, \"correct\": …, \"total\": …}.")
    var json = false

    @Option(parsing: .unconditional, help: "Worker threads (0: one per core).")
    var threads = 0

    func run() throws {
        let loaded = try ModelFile.load(model)
        let test: Dataset
        let source: String
        if let data {
            test = try MNISTDirectory.load(data, split: .test)
            source = data
        } else {
            test = try BundledData.load().validation
            source = "the bundled validation split"
        }
        let correct = try Evaluation.correctCount(of: loaded.model, on: test, encoding: loaded.options.input,
                                              threads: threads)
        let accuracy = Double(correct) / Double(test.count)
        if json {
            print("{\"accuracy\": \(accuracy), \"correct\": \(correct), \"total\": \(test.count)}")
        } else {
            print("\(model): accuracy \(Format.percent(accuracy)) (\(correct)/\(test.count)) on \(source)")
        }
    }
}
