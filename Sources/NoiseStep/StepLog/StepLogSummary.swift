import Foundation

/// What `noisestep info` reports about a step log: its size per step and against the
/// weights it encodes, and the model it ends with. A plain value: `rendered()` gives the
/// text, `Codable` gives the JSON.
public struct StepLogSummary: Sendable, Equatable, Codable {
    public var file: String
    /// Features of the input, then out of each layer: [784, 256, 256, 10].
    public var architecture: [Int]
    /// Each layer as `--layers` writes it: ["dense 256", "dense 256", "dense 10"].
    public var layers: [String]
    /// The architecture in one line (`ModelShape.summary`).
    public var model: String
    public var parameters: Int
    public var seed: UInt64
    public var input: InputEncoding
    public var generator: String
    /// The step count after the last record.
    public var steps: Int
    /// The step count the records start after (nonzero for a model file that was continued).
    public var startStep: Int
    /// True when the file starts from a model file's weights without the settings its run
    /// had reached there (an older noisestep's): its steps after `startStep` are (or
    /// training from it would be) a new leg from the header's settings, not the run the
    /// header's options and seed describe.
    public var newLeg: Bool
    public var records: Int
    /// The step of each weights section.
    public var weightsSteps: [Int]
    public var fileBytes: Int
    /// Bytes of a torn last section that readers ignore.
    public var tornBytes: Int
    /// Mean size of a step record, in bits; nil without records.
    public var bitsPerStep: Double?
    /// The packed ternary weights at log2(3) bits per parameter, in bytes.
    public var ternaryBytes: Double
    /// The weights at 2 bits per parameter, in bytes.
    public var twoBitBytes: Int
    /// The weights as Float32, in bytes.
    public var float32Bytes: Int
    /// Fraction of the final model's parameters that are 0.
    public var sparsity: Double
    /// The last record's loss and batch accuracy; nil without records.
    public var lastLoss: Float?
    public var lastBatchAccuracy: Float?
    /// True when every weights section was checked against a replay of the steps; nil
    /// when not checked.
    public var verified: Bool?

    /// Sums up `log`, whose final weights are `model` (`log.latestModel`).
    public init(log: StepLog, model: TernaryModel, verified: Bool? = nil) {
        file = log.file
        architecture = log.shape.widths
        layers = log.shape.layers.map(\.spec)
        self.model = log.shape.summary
        parameters = log.shape.parameterCount
        seed = log.options.seed
        input = log.options.input
        generator = Philox.identity
        steps = log.lastStep
        startStep = log.startStep
        newLeg = log.startSettings == nil && log.origin == nil  // another optimizer's weights go on no run
        records = log.records
        weightsSteps = log.weightsSteps
        fileBytes = log.fileBytes
        tornBytes = log.tornBytes
        bitsPerStep = records == 0 ? nil : Double(log.recordBytes * 8) / Double(records)
        ternaryBytes = Double(parameters) * log2(3) / 8
        twoBitBytes = (parameters + 3) / 4
        float32Bytes = parameters * 4
        sparsity = model.sparsity
        lastLoss = log.lastEntry?.loss
        lastBatchAccuracy = log.lastEntry?.batchAccuracy
        self.verified = verified
    }

    /// The report as lines of text, each starting with a label.
    public func rendered() -> String {
        var lines = ["\(file): \(steps) steps, \(fileBytes) bytes" + (tornBytes > 0 ? " (\(tornBytes) of a torn last record ignored)" : "")]
        lines.append("  model      \(model), \(parameters) parameters, seed \(seed), input \(input.rawValue), \(generator)")
        if let bitsPerStep {
            let from = startStep > 0 ? " after the weights of step \(startStep)" : ""
            lines.append("  records    \(records)\(from), \(NumberFormat.fixed(bitsPerStep, 1)) bits (\(NumberFormat.fixed(bitsPerStep / 8, 1)) bytes) per step")
        } else {
            lines.append("  records    none")
        }
        if newLeg {
            lines.append("  new leg    the weights of step \(startStep) come without the settings their run had reached, so"
                + " the steps after them " + (records > 0 ? "are" : "would be")
                + " a new leg from the header's settings, not the run its options describe")
        }
        lines.append("  file size  \(NumberFormat.fixed(Double(fileBytes) / ternaryBytes, 2))× the ternary weights"
            + " (\(Int(ternaryBytes.rounded(.up))) bytes at log2(3) bits each), \(NumberFormat.fixed(Double(fileBytes) / Double(twoBitBytes), 2))×"
            + " at 2 bits (\(twoBitBytes)), \(NumberFormat.fixed(Double(fileBytes) / Double(float32Bytes), 3))× as Float32 (\(float32Bytes))")
        lines.append("  sparsity   \(NumberFormat.fixed(sparsity * 100, 1))% of the weights after step \(steps) are 0")
        if let lastLoss, let lastBatchAccuracy {
            lines.append("  last step  loss \(NumberFormat.fixed(Double(lastLoss), 4)), batch accuracy \(NumberFormat.fixed(Double(lastBatchAccuracy) * 100, 1))%")
        }
        lines.append("  weights    " + (weightsSteps.isEmpty ? "none saved (loading replays every step)"
                                                               : "saved at step " + weightsSteps.map(String.init).joined(separator: ", ")))
        if verified == true {
            let origin = startStep == 0 ? "the seed" : "the weights of step \(startStep)"
            lines.append("  verified   replayed \(records) steps from \(origin); the saved weights match them")
        }
        return lines.joined(separator: "\n")
    }
}
