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

    @Option(parsing: .unconditional, help: "The step to train to (with --resume: in all).")
    var steps = RunPlan.defaultTargetStep

    @Option(parsing: .unconditional, help: "Examples per step (with --batch-from: at the end of its ramp).")
    var batch = TrainingOptions().batch

    @Option(parsing: .unconditional, help: "Perturbations drawn per step. (default: 512; --paper: 128)")
    var samples: Int?

    @Option(parsing: .unconditional, help: "Probability that a parameter is nonzero in a perturbation, in (0, 1).")
    var density = TrainingOptions().density

    @Option(help: "Density schedule: paper (6e-5 → 1.5e-5 below loss 2 → 3.7e-6 below loss 1) or fixed.")
    var schedule = TrainingOptions().schedule

    @Option(parsing: .unconditional,
            help: "Keep a perturbation's sign only if its score (see --keep-by) reaches this quantile of the step's scores, in [0, 1); the quantile's ramp starts here.")
    var rejectQuantile = TrainingOptions().rejectQuantile

    @Option(parsing: .unconditional, help: "Hidden layer widths of the MLP, comma-separated. (default: 256,256)")
    var hidden: String?

    @Option(help: "A named model: mlp (the default; --hidden sets its widths) or conv (\(ModelPreset.convSpec)).")
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

    @Option(parsing: .unconditional, help: "Softmax temperature of the loss: logits are divided by it. (default: 8)")
    var temperature: Double?

    @Option(help: "What the reject quantile ranks: magnitude (|α|, the paper's) or reliability (|α| over its standard error across the batch's chunks of 64). (default: \(TrainingOptions().keepBy.rawValue); --paper: magnitude)")
    var keepBy: KeepRanking?

    @Option(parsing: .unconditional, help: "Also keep only signs whose α is at least this many standard errors from 0 (0: no floor).")
    var keepFloor = TrainingOptions().keepFloor

    @Option(help: "Quantile schedule: ramp (from --reject-quantile to --quantile-to over --ramp-steps) or fixed. (default: \(Self.defaultQuantileSchedule(paper: false).rawValue); --paper: fixed)")
    var quantileSchedule: QuantileSchedule?

    @Option(parsing: .unconditional, help: "The reject quantile at the end of its ramp. (default: \(Self.defaultQuantileTo))")
    var quantileTo: Double?

    @Option(parsing: .unconditional, help: "Grow the batch from this size to --batch over --ramp-steps. (default: \(Self.defaultBatchFrom.map(String.init) ?? "--batch, no ramp"))")
    var batchFrom: Int?

    @Option(parsing: .unconditional, help: "Steps of the quantile and batch ramps; past them both hold their end values. (default: \(Self.defaultRampSteps), whatever --steps)")
    var rampSteps: Int?

    @Flag(help: "The paper's setup: 128 perturbations, binary input, temperature 1, no augmentation, the stronger half of |α| kept at every step (explicit options still win).")
    var paper = false

    @Option(parsing: .unconditional, help: "Score the validation split every N steps and at the last (0: only at the last).")
    var evalEvery = 100

    /// The engine options these arguments describe, checked against the rulebook.
    func trainingOptions() throws -> TrainingOptions {
        var options = paper ? TrainingOptions.paper : TrainingOptions()
        if arch != nil, layers != nil { throw CLIError.usage("--arch and --layers both name the model; give one") }
        if arch == .conv, hidden != nil { throw CLIError.usage("--hidden sets the MLP's widths; --arch conv has none") }
        if let layers = arch?.layers {
            options.use(layers: layers)
        } else if let layers {
            if hidden != nil { throw CLIError.usage(LimitViolation.hiddenAndLayers.message) }
            options.use(layers: try parseLayers(layers))
        } else {
            options.hidden = try parseHidden(hidden ?? "256,256")
        }
        options.batch = batch
        if let samples { options.samples = samples }
        options.density = density
        options.schedule = schedule
        options.rejectQuantile = rejectQuantile
        if let input { options.input = input }
        options.alignment = alignment
        options.seed = seed
        options.threads = threads
        options.augmentation = Augmentation(shift: shift ?? options.augmentation.shift,
                                            rotation: rotate ?? options.augmentation.rotation,
                                            scale: scale ?? options.augmentation.scale)
        if let temperature { options.temperature = temperature }
        if let keepBy { options.keepBy = keepBy }
        options.keepFloor = keepFloor
        options.ramp = try ramp()
        try Limits.check(options)
        return options
    }

    /// The run's ramp: the quantile's unless --quantile-schedule fixes it (or --paper, unless
    /// it asks for one), the batch's when --batch-from (or the default) starts it lower.
    private func ramp() throws -> Ramp? {
        if let rampSteps { try Limits.check(.rampSteps, rampSteps) }
        if quantileSchedule == .fixed, quantileTo != nil {
            throw CLIError.usage("--quantile-to: the quantile ramps only with --quantile-schedule ramp")
        }
        let ramped = quantileSchedule.map { $0 == .ramp } ?? (quantileTo != nil || Self.defaultQuantileSchedule(paper: paper) == .ramp)
        let end = ramped ? quantileTo ?? Self.defaultQuantileTo : nil
        // The default start never exceeds a smaller --batch; an explicit one is checked.
        let from = batchFrom ?? (paper ? nil : Self.defaultBatchFrom.map { min($0, batch) })
        guard end != nil || (from != nil && from != batch) else { return nil }
        return Ramp(steps: rampSteps ?? Self.defaultRampSteps, quantileTo: end, batchFrom: from == batch ? nil : from)
    }

    static func defaultQuantileSchedule(paper: Bool) -> QuantileSchedule {
        (paper ? TrainingOptions.paper : TrainingOptions()).ramp?.quantileTo == nil ? .fixed : .ramp
    }

    /// Where the quantile ramps to unless --quantile-to says: the default run's end.
    static var defaultQuantileTo: Double { TrainingOptions().ramp?.quantileTo ?? 0.95 }
    static var defaultBatchFrom: Int? { TrainingOptions().ramp?.batchFrom }
    /// A fixed length, not --steps: a run continued to more steps is the run it would
    /// have been uninterrupted.
    static var defaultRampSteps: Int { TrainingOptions().ramp?.steps ?? RunPlan.defaultTargetStep }

    /// How far the run goes and when it is scored.
    func plan() throws -> RunPlan {
        try RunPlan(targetStep: steps, evalEvery: evalEvery)
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
