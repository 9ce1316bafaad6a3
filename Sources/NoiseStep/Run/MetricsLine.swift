/// One line of a metrics file: a step's figures as a JSON object on one line. Keys are
/// snake_case and stable; non-finite numbers are written as null.
enum MetricsLine {
    static func encode(_ s: TrainingSnapshot) -> String {
        var fields = [
            "\"step\":\(s.step)",
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

    private static func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
}
