import Foundation
import NoiseStep

/// What `info` prints: the step log's summary, the options that repeat its run, the last
/// step's settings, and the validation accuracy of its model.
struct InfoReport: Encodable {
    struct Validation: Encodable {
        var step: Int
        var correct: Int
        var total: Int
        var source: String
        /// correct / total; 0 for an empty split.
        var accuracy: Double

        init(step: Int, correct: Int, total: Int, source: String) {
            (self.step, self.correct, self.total, self.source) = (step, correct, total, source)
            accuracy = ValidationScore(step: step, correct: correct, total: total).accuracy
        }
    }

    var summary: StepLogSummary
    var options: TrainingOptions
    /// The settings of the last recorded step, nil without steps.
    var lastSettings: StepSettings?
    var validation: Validation?
    /// What trained the opening weights when not noise_step (an Adam-STE model file).
    var origin: ModelOrigin?

    init(summary: StepLogSummary, log: StepLog, validation: Validation?) {
        self.summary = summary
        options = log.options
        origin = log.origin
        lastSettings = log.lastEntry?.settings
        self.validation = validation
    }

    /// The options as the command line takes them: `noisestep train` with these repeats the run.
    var commandLine: [String] {
        let augmentation = options.augmentation
        let model = options.layers.map { "--layers '\($0.spec)'" }
            ?? "--hidden " + options.hidden.map(String.init).joined(separator: ",")
        return [model, "--input " + options.input.rawValue,
                "--batch \(options.batch)", "--samples \(options.samples)", "--density " + NumberFormat.plain(options.density),
                "--schedule " + options.schedule.rawValue, "--reject-quantile " + NumberFormat.plain(options.rejectQuantile),
                "--alignment " + options.alignment.rawValue, "--seed \(options.seed)",
                "--temperature " + NumberFormat.plain(options.temperature), "--shift " + NumberFormat.plain(augmentation.shift),
                "--rotate " + NumberFormat.plain(augmentation.rotation), "--scale " + NumberFormat.plain(augmentation.scale)]
    }

    func rendered() -> String {
        var printable = summary  // the path as typed, but with control characters escaped for the terminal
        printable.file = Printable.escaped(summary.file)
        var lines = [printable.rendered()]
        // The options, wrapped at about 90 columns under their label.
        var line = "  options   "
        for option in commandLine {
            if line.count + option.count + 1 > 90 && line.count > 12 {
                lines.append(line)
                line = "            "
            }
            line += " " + option
        }
        lines.append(line)
        if case .adamSTE(let adam) = origin {
            lines.append("  trained by Adam-STE (learning rate \(NumberFormat.plain(adam.learningRate)), β1 \(NumberFormat.plain(adam.beta1)),"
                + " β2 \(NumberFormat.plain(adam.beta2)), ε \(NumberFormat.plain(adam.epsilon)), latent limit"
                + " \(NumberFormat.plain(adam.latentLimit))): the ternary weights only, so eval and export read it; it is"
                + " neither replayed nor resumed")
        }
        if let settings = lastSettings {
            lines.append("  settings   density " + NumberFormat.scientific(settings.density) + " (" + settings.schedule.rawValue
                + " schedule), samples \(settings.samples), reject quantile " + NumberFormat.plain(settings.rejectQuantile)
                + " at the last step")
        }
        if let validation {
            lines.append("  validation \(NumberFormat.percent(validation.accuracy)) (\(validation.correct)/\(validation.total))"
                + " on \(validation.source), after step \(validation.step)")
        } else {
            lines.append("  validation not measured: the bundled data is not installed; pass --data DIR")
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey { case options, lastSettings, validation, optimizer, adamSettings }

    /// The summary's keys, then "options", "last_settings", "validation", "optimizer" and,
    /// for an Adam-STE model, "adam_settings".
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(options, forKey: .options)
        try container.encodeIfPresent(lastSettings, forKey: .lastSettings)
        try container.encodeIfPresent(validation, forKey: .validation)
        try container.encode((origin?.optimizer ?? .noiseStep).rawValue, forKey: .optimizer)
        if case .adamSTE(let adam) = origin {
            try container.encode(adam, forKey: .adamSettings)
        }
    }

    func json() throws -> String { try JSONOutput.indented(self) }
}
