import Foundation
import ArgumentParser
import NoiseStep

/// The options shared by `train` and the dashboard: everything that defines a run.
struct TrainingArguments: ParsableArguments {
    @Option(help: "Directory with MNIST-style IDX files (train-*/t10k-*, raw or .gz). Default: the bundled 5,000-image MNIST subset.")
    var data: String?

    @Option(help: "Training steps.")
    var steps = 1500

    @Option(help: "Examples per step.")
    var batch = TrainingOptions().batch

    @Option(help: "Perturbations drawn per step.")
    var samples = TrainingOptions().samples

    @Option(help: "Probability that a parameter is nonzero in a perturbation, in (0, 1).")
    var density = TrainingOptions().density

    @Option(help: "Density schedule: paper (6e-5 → 1.5e-5 below loss 2 → 3.7e-6 below loss 1) or fixed.")
    var schedule = TrainingOptions().schedule

    @Option(help: "Keep a perturbation's sign only if |α| reaches this quantile of the step's |α|, in [0, 1).")
    var rejectQuantile = TrainingOptions().rejectQuantile

    @Option(help: "Hidden layer widths, comma-separated.")
    var hidden = "256,256"

    @Option(help: "Input encoding: gray (pixel / 255) or binary (pixel > 0, the paper's). (default: gray)")
    var input: InputEncoding?

    @Option(help: "How α = ∇L·ν is computed: reverse (backward pass) or forward (the paper's JVP).")
    var alignment = TrainingOptions().alignment

    @Option(help: "Seed of the initial weights and of every random draw.")
    var seed: UInt64 = 0

    @Option(help: "Worker threads (0: one per core). Results do not depend on it.")
    var threads = 0

    @Option(help: "Augmentation: largest random shift of a training image, in pixels. (default: 1)")
    var shift: Double?

    @Option(help: "Augmentation: largest random rotation, in degrees. (default: 0)")
    var rotate: Double?

    @Option(help: "Augmentation: largest random change of size, as a fraction (0.1 = ±10%). (default: 0)")
    var scale: Double?

    @Option(help: "Softmax temperature of the loss: logits are divided by it. (default: 8)")
    var temperature: Double?

    @Flag(help: "The paper's setup: binary input, temperature 1, no augmentation (explicit options still win).")
    var paper = false

    @Option(help: "Measure validation accuracy every N steps (0: only at the end).")
    var evalEvery = 100

    /// The engine options these arguments describe, validated.
    func trainingOptions() throws -> TrainingOptions {
        var options = paper ? TrainingOptions.paper : TrainingOptions()
        options.hidden = try parseHidden(hidden)
        options.batch = batch
        options.samples = samples
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
        try options.validate()
        if steps < 0 { throw OptionError("--steps", "\(steps) is negative") }
        if evalEvery < 0 { throw OptionError("--eval-every", "\(evalEvery) is negative") }
        return options
    }

    private func parseHidden(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw OptionError("--hidden", "needs at least one layer width, e.g. 256,256")
        }
        return try parts.map { part in
            guard let width = Int(part.trimmingCharacters(in: .whitespaces)) else {
                throw OptionError("--hidden", "'\(part)' is not a layer width; write e.g. 256,256")
            }
            return width
        }
    }
}

extension DensitySchedule: ExpressibleByArgument {}
extension InputEncoding: ExpressibleByArgument {}
extension AlignmentEngine: ExpressibleByArgument {}
