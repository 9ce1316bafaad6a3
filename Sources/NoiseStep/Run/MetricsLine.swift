/// One line of a metrics file: a step's figures as a JSON object on one line. Keys are
/// snake_case and stable; non-finite numbers are written as null. The step comes first,
/// then the run the line belongs to (`RunIdentity`, 16 hex digits).
enum MetricsLine {
    static func encode(_ s: TrainingSnapshot, run: RunIdentity) -> String {
        var fields = [
            "\"step\":\(s.step)",
            "\"run\":\"\(run)\"",
            "\"loss\":\(number(s.loss))",
            "\"batch_accuracy\":\(number(s.batchAccuracy))",
        ]
        if let validation = s.validationAccuracy { fields.append("\"validation_accuracy\":\(number(validation))") }
        fields += [
            "\"kept\":\(s.kept)",
            "\"samples\":\(s.samples)",
            "\"acceptance\":\(number(s.acceptanceRate))",
            "\"weights_changed\":\(s.weightsChanged)",
            "\"perturbed_entries\":\(s.perturbedEntries)",
            "\"sparsity\":\(number(s.sparsity))",
            "\"layer_sparsity\":[\(s.layers.map { number($0.sparsity) }.joined(separator: ","))]",
            "\"density\":\(number(s.density))",
            "\"reject_quantile\":\(number(s.rejectQuantile))",
            "\"step_seconds\":\(number(s.stepSeconds))",
        ]
        return "{" + fields.joined(separator: ",") + "}\n"
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

    private static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
}
