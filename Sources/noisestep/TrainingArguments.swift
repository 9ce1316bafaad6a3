import ArgumentParser
import Foundation
import NoiseStep

/// The options shared by `train` and the dashboard: everything that defines a run.
///
/// Numeric options take the next argument whatever it looks like, so `--steps -5` is
/// read as −5 and refused by the rulebook with a message, not as a missing value.
struct TrainingArguments: ParsableArguments {
    @Option(help: "Directory with MNIST-style IDX files (train-*/t10k-*, raw or .gz). Default: the bundled 5,000-image MNIST subset.")
    var data: String?

    @Option(parsing: .unconditional, help: "The step to train to (with --resume: in all). (default: \(RunPlan.defaultTargetStep); --arch conv, or resuming a run of it: \(ModelPreset.conv.targetStep))")
    var steps: Int?

    @Option(parsing: .unconditional, help: "Examples per step (with --batch-from: at the end of its ramp). \(Self.defaults(\.batch))")
    var batch: Int?

    @Option(parsing: .unconditional, help: "Perturbations drawn per step. \(Self.defaults(\.samples, paper: true))")
    var samples: Int?

    @Option(parsing: .unconditional, help: "Probability that a parameter is nonzero in a perturbation, in (0, 1). \(Self.defaults(\.density))")
    var density: Double?

    @Option(help: "Density schedule: paper (6e-5 → 1.5e-5 below loss 2 → 3.7e-6 below loss 1) or fixed. \(Self.defaults(\.schedule.rawValue))")
    var schedule: DensitySchedule?

    @Option(parsing: .unconditional,
            help: "Keep a perturbation's sign only if its score (see --keep-by) reaches this quantile of the step's scores, in [0, 1); the quantile's ramp starts here. \(Self.defaults(\.rejectQuantile))")
    var rejectQuantile: Double?

    @Option(parsing: .unconditional, help: "Hidden layer widths of the MLP, comma-separated. (default: 256,256)")
    var hidden: String?

    @Option(help: "A named model, with training defaults of its own: mlp (the default; --hidden sets its widths) or conv (\(ModelPreset.convSpec)).")
    var arch: ModelPreset?

    @Option(help: ArgumentHelp("Any other model: its layers from the image to the 10 logits, comma-separated, each a kind and its settings (\(LayerKinds.usages.joined(separator: "; "))), e.g. \"dense 128, dense 10\"."))
    var layers: String?

    @Option(help: "Input encoding: gray (pixel / 255) or binary (pixel > 0, the paper's). (default: gray)")
    var input: InputEncoding?

    @Option(help: "How α = ∇L·ν is computed: reverse (backward pass) or forward (the paper's JVP).")
    var alignment = TrainingOptions().alignment

    @Option(parsing: .unconditional, help: "Seed of the initial weights and of every random draw, 0...2^64−1.",
            transform: TrainingArguments.seed)
    var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Worker threads (0: one per core). Results do not depend on it.")
    var threads = 0

    @Option(parsing: .unconditional, help: "Augmentation: largest random shift of a training image, in pixels. (default: 1)")
    var shift: Double?

    @Option(parsing: .unconditional, help: "Augmentation: largest random rotation, in degrees. (default: 0)")
    var rotate: Double?

    @Option(parsing: .unconditional,
            help: "Augmentation: largest random change of size, as a fraction (0.1 = ±10%). (default: 0)")
    var scale: Double?

    @Option(parsing: .unconditional,
            help: "Augmentation: the share of training images drawn again as on the pad (the pad's brush at a random size and place, then its preprocessing), in [0, 1]. \(Self.defaults(\.augmentation.redraw))")
    var redraw: Double?

    @Option(parsing: .unconditional, help: "Softmax temperature of the loss: logits are divided by it. (default: 8)")
    var temperature: Double?

    @Option(help: "What the reject quantile ranks: magnitude (|α|, the paper's) or reliability (|α| over its standard error across the batch's chunks of 64). (default: \(TrainingOptions().keepBy.rawValue); --paper: magnitude)")
    var keepBy: KeepRanking?

    @Option(parsing: .unconditional, help: "Also keep only signs whose α is at least this many standard errors from 0 (0: no floor).")
    var keepFloor = TrainingOptions().keepFloor

    @Option(help: "Quantile schedule: ramp (from --reject-quantile to --quantile-to over --ramp-steps) or fixed. (default: \(Self.defaultQuantileSchedule(paper: false).rawValue); --paper: fixed)")
    var quantileSchedule: QuantileSchedule?

    @Option(parsing: .unconditional, help: "The reject quantile at the end of its ramp. \(Self.defaults(\.ramp?.quantileTo, none: "no ramp"))")
    var quantileTo: Double?

    @Option(parsing: .unconditional, help: "Grow the batch from this size to --batch over --ramp-steps. \(Self.defaults(\.ramp?.batchFrom, none: "--batch, no ramp"))")
    var batchFrom: Int?

    @Option(parsing: .unconditional, help: "Steps of the quantile and batch ramps; past them both hold their end values, whatever --steps. \(Self.defaults(\.ramp?.steps, none: "no ramp"))")
    var rampSteps: Int?

    @Flag(help: "The paper's setup: 128 perturbations, binary input, temperature 1, no augmentation, the stronger half of |α| kept at every step (explicit options still win).")
    var paper = false

    @Option(parsing: .unconditional, help: "Score the validation split every N steps and at the last (0: only at the last).")
    var evalEvery = 100

    /// The engine options these arguments describe, checked against the rulebook: the
    /// model's own defaults (or the paper's setup), then every option given.
    func trainingOptions() throws -> TrainingOptions {
        if arch != nil, layers != nil { throw CLIError.usage("--arch and --layers both name the model; give one") }
        if arch == .conv, hidden != nil { throw CLIError.usage("--hidden sets the MLP's widths; --arch conv has none") }
        let base = baseOptions
        var options = base
        if let layers = arch?.layers {
            options.use(layers: layers)
        } else if let layers {
            if hidden != nil { throw CLIError.usage(LimitViolation.hiddenAndLayers.message) }
            options.use(layers: try parseLayers(layers))
        } else {
            options.hidden = try parseHidden(hidden ?? "256,256")
        }
        if let batch { options.batch = batch }
        if let samples { options.samples = samples }
        if let density { options.density = density }
        if let schedule { options.schedule = schedule }
        if let rejectQuantile { options.rejectQuantile = rejectQuantile }
        if let input { options.input = input }
        options.alignment = alignment
        options.seed = seed
        options.threads = threads
        options.augmentation = Augmentation(shift: shift ?? options.augmentation.shift,
                                            rotation: rotate ?? options.augmentation.rotation,
                                            scale: scale ?? options.augmentation.scale,
                                            redraw: redraw ?? options.augmentation.redraw)
        if let temperature { options.temperature = temperature }
        if let keepBy { options.keepBy = keepBy }
        options.keepFloor = keepFloor
        options.ramp = try ramp(base: base, batch: options.batch)
        try Limits.check(options)
        return options
    }

    /// What a run starts from before the options given: the paper's setup with --paper,
    /// else the named model's defaults (the MLP's without --arch).
    private var baseOptions: TrainingOptions {
        paper ? .paper : (arch ?? .mlp).trainingOptions
    }

    /// The run's ramp: the base's unless --quantile-schedule fixes it (or --paper, unless
    /// it asks for one), the batch's when --batch-from (or the base's) starts it lower.
    private func ramp(base: TrainingOptions, batch: Int) throws -> Ramp? {
        if let rampSteps { try Limits.check(.rampSteps, rampSteps) }
        if quantileSchedule == .fixed, quantileTo != nil {
            throw CLIError.usage("--quantile-to: the quantile ramps only with --quantile-schedule ramp")
        }
        let ramped = quantileSchedule.map { $0 == .ramp } ?? (quantileTo != nil || base.ramp?.quantileTo != nil)
        let end = ramped ? quantileTo ?? base.ramp?.quantileTo ?? Self.mlp.ramp?.quantileTo ?? 0.95 : nil
        // The base's start never exceeds a smaller --batch; an explicit one is checked.
        let from = batchFrom ?? base.ramp?.batchFrom.map { min($0, batch) }
        guard end != nil || (from != nil && from != batch) else { return nil }
        let steps = rampSteps ?? base.ramp?.steps ?? RunPlan.defaultTargetStep
        return Ramp(steps: steps, quantileTo: end, batchFrom: from == batch ? nil : from)
    }

    /// The step the run trains to: --steps, else the named model's length of run; a
    /// resumed run's model is the one its log names (a log that cannot be read is left
    /// for the resume itself to refuse, with its own message).
    func targetStep(resuming log: String? = nil) -> Int {
        if steps == nil, let log, let options = try? StepLog.options(path: log) { return targetStep(resumed: options) }
        return steps ?? (arch ?? .mlp).targetStep
    }

    /// The step a resumed run with `options` trains to: --steps, else its model's length of run.
    func targetStep(resumed options: TrainingOptions) -> Int { steps ?? ModelPreset(naming: options).targetStep }

    static func defaultQuantileSchedule(paper: Bool) -> QuantileSchedule {
        (paper ? TrainingOptions.paper : mlp).ramp?.quantileTo == nil ? .fixed : .ramp
    }

    private static var mlp: TrainingOptions { ModelPreset.mlp.trainingOptions }

    /// An option's default as help text: the MLP's, then with `paper` the paper setup's,
    /// and the conv preset's, each where it differs.
    static func defaults<Value>(_ value: KeyPath<TrainingOptions, Value>, paper: Bool = false) -> String {
        defaultsText(paper: paper) { "\($0[keyPath: value])" }
    }

    /// The same for a setting that can be absent, written `none` then.
    static func defaults<Value>(_ value: KeyPath<TrainingOptions, Value?>, none: String) -> String {
        defaultsText(paper: false) { $0[keyPath: value].map { "\($0)" } ?? none }
    }

    private static func defaultsText(paper: Bool, _ text: (TrainingOptions) -> String) -> String {
        let mlp = text(Self.mlp), conv = text(ModelPreset.conv.trainingOptions), inPaper = text(.paper)
        var words = "(default: \(mlp)"
        if paper, inPaper != mlp { words += "; --paper: \(inPaper)" }
        if conv != mlp { words += "; --arch conv: \(conv)" }
        return words + ")"
    }

    /// How far the run goes and when it is scored.
    func plan(resuming log: String? = nil) throws -> RunPlan {
        try RunPlan(targetStep: targetStep(resuming: log), evalEvery: evalEvery)
    }

    /// A seed as typed: a whole number in 0...2^64−1, said so when it is not.
    static func seed(_ text: String) throws -> UInt64 {
        if let seed = UInt64(text) { return seed }
        let words = if text.hasPrefix("-") && Double(text) != nil {
            "is negative"
        } else if !text.isEmpty && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) {
            "is too large"
        } else {
            "is not a whole number"
        }
        throw ValidationError("\(Printable.escaped(text)) \(words); a seed is a whole number from 0 to \(UInt64.max)")
    }

    private func parseLayers(_ text: String) throws -> [any LayerKind] {
        do throws(LayerSpecProblem) {
            return try LayerKinds.parse(text)
        } catch {
            throw CLIError.usage(error.message)
        }
    }

    private func parseHidden(_ text: String) throws -> [Int] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIError.usage("--hidden: needs at least one layer width, e.g. 256,256")
        }
        return try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
            guard let width = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw CLIError.usage("--hidden: '\(Printable.escaped(part))' is not a layer width; write e.g. 256,256")
            }
            return width
        }
    }
}

extension DensitySchedule: ExpressibleByArgument {}
extension ModelPreset: ExpressibleByArgument {}
extension InputEncoding: ExpressibleByArgument {}
extension AlignmentEngine: ExpressibleByArgument {}
extension Optimizer: ExpressibleByArgument {}
extension KeepRanking: ExpressibleByArgument {}
extension QuantileSchedule: ExpressibleByArgument {}
