import ArgumentParser
import Foundation
import NoiseStep

/// `noisestep eval FILE`: accuracy of a saved model, overall and by class, and how well
/// its probabilities are calibrated.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Report a saved model's accuracy on a test split, overall or by class.",
        discussion: """
            --per-class adds each class's accuracy and the confusion matrix (rows: true class, \
            columns: predicted). --calibration adds the expected calibration error (10 bins) of \
            the model's probabilities, with the plain softmax and with the temperature it was \
            trained at (what the dashboard's pad shows), on the test split and, for the bundled \
            digits, on the same digits redrawn with the pad's brush as train's pad check does.
            """)

    @Argument(help: "The model: a .nstep step log written by train, the dashboard or replay.")
    var file: String?

    @Option(help: "The model file (the same as giving FILE).")
    var model: String?

    @Option(help: "Directory with t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or .gz). Default: the bundled validation split.")
    var data: String?

    @Flag(help: "Also report each class's accuracy and the confusion matrix.")
    var perClass = false

    @Flag(help: "Also report the expected calibration error, without and with the training temperature.")
    var calibration = false

    @Flag(help: "Print exactly one JSON line: {\"accuracy\": …, \"correct\": …, \"total\": …}, plus \"per_class\", \"confusion\" and \"calibration\" when asked for.")
    var json = false

    @Flag(help: "With --json: also \"predictions\", the predicted class of every test image in file order (to compare with another runtime's).")
    var predictions = false

    @Option(parsing: .unconditional, help: "Worker threads (0: one per core).")
    var threads = 0

    func validate() throws {
        if file == nil && model == nil { throw ValidationError("give the model file: \(ProgramName.command) eval FILE") }
        if let file, let model, file != model {
            throw ValidationError("--model: names a second model; give one file (FILE or --model)")
        }
        if predictions, !json { throw ValidationError("--predictions: goes with --json, which carries them") }
        try Setting.threads.checkOption(threads)
    }

    func run() throws {
        let path = file ?? model ?? ""
        let loaded = try ModelFile.load(path)
        let (test, source) = try DataSource.testSplit(directory: data)
        DataSource.noteOtherData(loaded.dataFingerprint, file: path, directory: data)
        let confusion = try Evaluation.confusion(of: loaded.model, on: test, encoding: loaded.options.input,
                                                 threads: threads)
        var report = EvalReport(confusion: confusion, names: ClassNames.forData(directory: data), perClass: perClass)
        if predictions {
            report.predictions = try Evaluation.predictions(of: loaded.model, on: test, encoding: loaded.options.input,
                                                            threads: threads)
        }
        if calibration {
            report.calibration = measureCalibration(loaded.model, options: loaded.options, on: test)
            // Digits drawn as on the pad, where the probabilities are shown: bundled digits only.
            if data == nil {
                let drawn = DrawnDigits.dataset(from: test), others = NonDigits.dataset(count: NonDigits.checkCount, seed: 1)
                report.padCalibration = measureCalibration(loaded.model, options: loaded.options, on: drawn)
                report.padCheck = PadCalibration.check(loaded.model, clean: test, drawn: drawn, nonDigits: others,
                                                       encoding: loaded.options.input)
                report.nonDigitConfidence = CalibrationReport.measure(loaded.model, on: others, encoding: loaded.options.input,
                                                                      temperatures: [loaded.options.temperature])[0].meanConfidence
            }
        }
        print(json ? try report.jsonLine() : report.rendered(file: Printable.escaped(path), source: Printable.escaped(source)))
    }

    /// The expected calibration error of `model` on `data` with the plain softmax and with
    /// the training temperature.
    private func measureCalibration(_ model: TernaryModel, options: TrainingOptions, on data: Dataset) -> EvalReport.Calibration {
        let reports = CalibrationReport.measure(model, on: data, encoding: options.input,
                                                temperatures: [1, options.temperature])
        return .init(bins: reports[0].bins.count, temperature: options.temperature,
                     plain: reports[0].expectedCalibrationError, tempered: reports[1].expectedCalibrationError)
    }
}
