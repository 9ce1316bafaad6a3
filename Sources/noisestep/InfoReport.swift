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

    /// A step whose settings differ from the step before's: a key at the dashboard, or the schedule.
    struct Change: Encodable {
        var step: Int
        var from: StepSettings
        var to: StepSettings
        var bySchedule: Bool { to.isScheduleDrop(from: from) }

        init(_ change: (step: Int, from: StepSettings, to: StepSettings)) {
            (step, from, to) = change
        }

        enum CodingKeys: String, CodingKey {
            case step, density, samples, rejectQuantile, schedule, quantileSchedule, keepBy, bySchedule
        }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(step, forKey: .step)
            try container.encode(to.density, forKey: .density)
            try container.encode(to.samples, forKey: .samples)
            try container.encode(to.rejectQuantile, forKey: .rejectQuantile)
            try container.encode(to.schedule.rawValue, forKey: .schedule)
            try container.encode(to.quantileSchedule.rawValue, forKey: .quantileSchedule)
            try container.encode(to.keepBy.rawValue, forKey: .keepBy)
            try container.encode(bySchedule, forKey: .bySchedule)
        }

        /// "step 812: reject quantile 0.50 → 0.55, density 6.00e-05 → 4.80e-05 (by the paper schedule)".
        var words: String {
            var parts: [String] = []
            if from.density != to.density {
                parts.append("density \(NumberFormat.scientific(from.density)) → \(NumberFormat.scientific(to.density))")
            }
            if from.samples != to.samples { parts.append("samples \(from.samples) → \(to.samples)") }
            if to.quantileChanged(from: from) {
                parts.append("reject quantile \(NumberFormat.plain(from.rejectQuantile)) → \(NumberFormat.plain(to.rejectQuantile))")
            }
            if from.schedule != to.schedule { parts.append("schedule \(to.schedule.rawValue)") }
            if from.quantileSchedule != to.quantileSchedule {
                parts.append(to.quantileSchedule == .ramp ? "quantile on its ramp" : "quantile off its ramp")
            }
            if from.keepBy != to.keepBy { parts.append("keep by \(to.keepBy.rawValue)") }
            return "step \(step): " + parts.joined(separator: ", ") + (bySchedule ? " (by the paper schedule)" : "")
        }
    }

    /// Changes listed in the text report; --json lists them all.
    static let listedChanges = 20

    var summary: StepLogSummary
    var options: TrainingOptions
    /// Every change of settings during the run (keys at the dashboard, the schedule).
    var changes: [Change] = []
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
            + (augmentation.redraw == 0 ? [] : ["--redraw " + NumberFormat.plain(augmentation.redraw)])
            + keepRule
    }

    /// The keep rule and the ramp, spelled out whatever today's defaults are.
    private var keepRule: [String] {
        var words = ["--keep-by " + options.keepBy.rawValue, "--keep-floor " + NumberFormat.plain(options.keepFloor)]
        if let to = options.ramp?.quantileTo {
            words += ["--quantile-schedule ramp", "--quantile-to " + NumberFormat.plain(to)]
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
        if case .adamSTE(let adam) = origin {
            lines.append("  trained by Adam-STE (learning rate \(NumberFormat.plain(adam.learningRate)), β1 \(NumberFormat.plain(adam.beta1)),"
                + " β2 \(NumberFormat.plain(adam.beta2)), ε \(NumberFormat.plain(adam.epsilon)), latent limit"
                + " \(NumberFormat.plain(adam.latentLimit))): the ternary weights only, so eval and export read it; it is"
                + " neither replayed nor resumed")
        }
        if let settings = lastSettings {
            lines.append("  settings   density " + NumberFormat.scientific(settings.density) + " (" + settings.schedule.rawValue
                + " schedule), samples \(settings.samples), reject quantile " + NumberFormat.plain(settings.rejectQuantile)
                + " (\(settings.quantileSchedule.rawValue)), kept by \(settings.keepBy.rawValue) at the last step")
        }
        lines += changeLines()
        if let validation {
            lines.append("  validation \(NumberFormat.percent(validation.accuracy)) (\(validation.correct)/\(validation.total))"
                + " on \(validation.source), after step \(validation.step)")
        } else {
            lines.append("  validation not measured: the bundled data is not installed; pass --data DIR")
        }
        return lines.joined(separator: "\n")
    }

    /// "  changes    step 251: …", one per line under the label, the first `listedChanges`.
    private func changeLines() -> [String] {
        guard !changes.isEmpty else { return ["  changes    none: every step ran with the options' settings"] }
        var lines = changes.prefix(Self.listedChanges).enumerated().map { ($0 == 0 ? "  changes    " : "             ") + $1.words }
        if changes.count > Self.listedChanges {
            lines.append("             … and \(changes.count - Self.listedChanges) more (--json lists them all)")
        }
        return lines
    }

    enum CodingKeys: String, CodingKey { case options, lastSettings, validation, optimizer, adamSettings, settingsChanges }

    /// The summary's keys, then "options", "last_settings", "validation", "optimizer",
    /// for an Adam-STE model "adam_settings", and "settings_changes".
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
        try container.encode(changes, forKey: .settingsChanges)
    }

    func json() throws -> String { try JSONOutput.indented(self) }
}
