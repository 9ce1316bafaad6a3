/// One line of a metrics file: a step's figures as a JSON object on one line
/// (`JSONOutput`: snake_case keys in this order, `step` first, then the run the line
/// belongs to, `RunIdentity` as 16 hex digits; a non-finite number is null). README's
/// "JSON outputs" lists the fields.
struct MetricsLine: Encodable {
    var step: Int
    var run: RunIdentity
    var loss: Double
    var batchAccuracy: Double
    /// Only on the steps where the validation split was scored.
    var validationAccuracy: Double?
    var kept: Int
    var samples: Int
    var acceptance: Double
    var weightsChanged: Int
    var perturbedEntries: Int
    var sparsity: Double
    var layerSparsity: [Double]
    var density: Double
    var rejectQuantile: Double
    var stepSeconds: Double

    init(_ s: TrainingSnapshot, run: RunIdentity) {
        step = s.step
        self.run = run
        loss = s.loss
        batchAccuracy = s.batchAccuracy
        validationAccuracy = s.validationAccuracy
        kept = s.kept
        samples = s.samples
        acceptance = s.acceptanceRate
        weightsChanged = s.weightsChanged
        perturbedEntries = s.perturbedEntries
        sparsity = s.sparsity
        layerSparsity = s.layers.map(\.sparsity)
        density = s.density
        rejectQuantile = s.rejectQuantile
        stepSeconds = s.stepSeconds
    }

    /// The line of `snapshot` in `run`'s file, newline included.
    static func encode(_ snapshot: TrainingSnapshot, run: RunIdentity) -> String {
        // Numbers, a list of numbers, a string and an optional: nothing here can fail to encode.
        ((try? JSONOutput.line(MetricsLine(snapshot, run: run))) ?? "{}") + "\n"
    }

    /// How every line starts: the step number is the first field.
    static let stepPrefix = Array("{\"step\":".utf8)

    /// The step number a line written by `encode` starts with, or nil for any other line.
    static func step(of line: ArraySlice<UInt8>) -> Int? {
        guard line.starts(with: stepPrefix) else { return nil }
        var value = 0, digits = 0
        for byte in line.dropFirst(stepPrefix.count) {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            guard digits < 18 else { return nil }
            value = value * 10 + Int(byte - 0x30)
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// What follows the step number in every line `encode` writes, before the run.
    private static let runPrefix = Array(",\"run\":\"".utf8)

    /// The run a line written by `encode` names, or nil for a line that names none (a
    /// line of an older noisestep) or is not one.
    static func run(of line: ArraySlice<UInt8>) -> RunIdentity? {
        guard line.starts(with: stepPrefix) else { return nil }
        let afterStep = line.dropFirst(stepPrefix.count).drop { $0 >= 0x30 && $0 <= 0x39 }
        guard afterStep.starts(with: runPrefix) else { return nil }
        let digits = afterStep.dropFirst(runPrefix.count).prefix(17)
        guard digits.count == 17, digits.last == 0x22 else { return nil }
        return RunIdentity(String(decoding: digits.dropLast(), as: UTF8.self))
    }
}
