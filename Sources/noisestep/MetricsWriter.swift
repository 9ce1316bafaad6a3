import Foundation
import NoiseStep

/// Writes one JSON object per step to a .jsonl file.
final class MetricsWriter {
    private let handle: FileHandle
    let path: String

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CLIError("\(path): cannot create the metrics file (does its directory exist and is it writable?)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CLIError("\(path): cannot open the metrics file for writing")
        }
        self.handle = handle
    }

    func write(_ s: TrainingSnapshot) throws {
        var fields = [
            "\"step\":\(s.step)",
            "\"loss\":\(json(s.loss))",
            "\"batch_accuracy\":\(json(s.batchAccuracy))",
        ]
        if let validation = s.validationAccuracy { fields.append("\"validation_accuracy\":\(json(validation))") }
        fields += [
            "\"kept\":\(s.kept)",
            "\"samples\":\(s.samples)",
            "\"acceptance\":\(json(s.acceptanceRate))",
            "\"weights_changed\":\(s.weightsChanged)",
            "\"perturbed_entries\":\(s.perturbedEntries)",
            "\"sparsity\":\(json(s.sparsity))",
            "\"layer_sparsity\":[\(s.layers.map { json($0.sparsity) }.joined(separator: ","))]",
            "\"density\":\(json(s.density))",
            "\"reject_quantile\":\(json(s.rejectQuantile))",
            "\"step_seconds\":\(json(s.stepSeconds))",
        ]
        let line = "{" + fields.joined(separator: ",") + "}\n"
        do {
            try handle.write(contentsOf: Data(line.utf8))
        } catch {
            throw CLIError("\(path): cannot write metrics (\(error.localizedDescription))")
        }
    }

    func close() { try? handle.close() }

    private func json(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }
}

/// A command-line failure with a one-line message.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
