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
        var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

        enum CodingKeys: String, CodingKey { case step, correct, total, source, accuracy }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(step, forKey: .step)
            try container.encode(correct, forKey: .correct)
            try container.encode(total, forKey: .total)
            try container.encode(source, forKey: .source)
            try container.encode(accuracy, forKey: .accuracy)
        }
    }

    var summary: StepLogSummary
    var options: TrainingOptions
    /// The settings of the last recorded step, nil without steps.
    var lastSettings: StepSettings?
    var validation: Validation?

    init(summary: StepLogSummary, log: StepLog, validation: Validation?) {
        self.summary = summary
        options = log.options
        lastSettings = log.lastEntry?.settings
        self.validation = validation
    }

    /// The options as the command line takes them: `noisestep train` with these repeats the run.
    var commandLine: [String] {
        let augmentation = options.augmentation
        return ["--hidden " + options.hidden.map(String.init).joined(separator: ","), "--input " + options.input.rawValue,
                "--batch \(options.batch)", "--samples \(options.samples)", "--density " + Numbers.plain(options.density),
                "--schedule " + options.schedule.rawValue, "--reject-quantile " + Numbers.plain(options.rejectQuantile),
                "--alignment " + options.alignment.rawValue, "--seed \(options.seed)",
                "--temperature " + Numbers.plain(options.temperature), "--shift " + Numbers.plain(augmentation.shift),
                "--rotate " + Numbers.plain(augmentation.rotation), "--scale " + Numbers.plain(augmentation.scale)]
            + keepRule
    }

    /// The keep rule and the ramp, spelled out whatever today's defaults are.
    private var keepRule: [String] {
        var words = ["--keep-by " + options.keepBy.rawValue, "--keep-floor " + Numbers.plain(options.keepFloor)]
        if let to = options.ramp?.quantileTo {
            words += ["--quantile-schedule ramp", "--quantile-to " + Numbers.plain(to)]
        } else {
            words.append("--quantile-schedule fixed")
        }
        if let ramp = options.ramp { words.append("--ramp-steps \(ramp.steps)") }
        words.append("--batch-from \(options.ramp?.batchFrom ?? options.batch)")
        return words
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
        if let settings = lastSettings {
            lines.append("  settings   density " + NumberFormat.scientific(settings.density) + " (" + settings.schedule.rawValue
                + " schedule), samples \(settings.samples), reject quantile " + Numbers.plain(settings.rejectQuantile)
                + " (\(settings.quantileSchedule.rawValue)), kept by \(settings.keepBy.rawValue) at the last step")
        }
        if let validation {
            lines.append("  validation \(NumberFormat.percent(validation.accuracy)) (\(validation.correct)/\(validation.total))"
                + " on \(validation.source), after step \(validation.step)")
        } else {
            lines.append("  validation not measured: the bundled data is not installed; pass --data DIR")
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey { case options, lastSettings, validation }

    /// The summary's keys, then "options", "lastSettings" and "validation".
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(options, forKey: .options)
        if let lastSettings {
            try container.encode(["density": lastSettings.density, "samples": Double(lastSettings.samples),
                                  "rejectQuantile": lastSettings.rejectQuantile], forKey: .lastSettings)
        }
        try container.encodeIfPresent(validation, forKey: .validation)
    }

    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf",
                                                                      nan: "nan")
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
