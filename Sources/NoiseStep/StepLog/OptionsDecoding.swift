import Foundation

/// Decodes the options JSON of a step log's header, naming what is wrong as a value:
/// an option this program does not know, a missing one, or the option whose value does
/// not fit (found by decoding each value on its own against the defaults).
enum OptionsDecoding {
    /// The options in `json`.
    /// - Throws: `.invalidOptions` with the first unknown option (a newer program's option
    ///   would change what a replay must do), the missing option, or the option holding a
    ///   value it does not take.
    static func decode(_ json: Data, file: String) throws(StepLogError) -> TrainingOptions {
        guard let found = try? JSONDecoder().decode([String: JSONValue].self, from: json) else {
            throw .invalidOptions(file: file, problem: .notAnObject)
        }
        let defaults = defaultValues()
        let known = Set(defaults.keys).union(TrainingOptions.optionalKeys).union(TrainingOptions.keysAddedLater)
        if let unknown = Set(found.keys).subtracting(known).sorted().first {
            throw .invalidOptions(file: file, problem: .unknownOption(unknown))
        }
        if let missing = Set(defaults.keys).subtracting(found.keys).subtracting(TrainingOptions.keysAddedLater)
            .sorted().first {
            throw .invalidOptions(file: file, problem: .missingOption(missing))
        }
        if let options = try? JSONDecoder().decode(TrainingOptions.self, from: json) { return options }
        for key in found.keys.sorted() {
            var probe = defaults
            probe[key] = found[key]
            if !decodes(probe), let value = found[key], let example = defaults[key] ?? optionalExamples[key] {
                throw .invalidOptions(file: file, problem: .invalidValue(option: key, found: value.json, example: example.json))
            }
        }
        // Every value decodes on its own beside the defaults, so together they do too.
        throw .invalidOptions(file: file, problem: .notAnObject)
    }

    /// A valid value of each option a header may leave out, for messages: `layers` of the
    /// default MLP.
    private static var optionalExamples: [String: JSONValue] {
        let layers = LayerList(ModelShape(hidden: TrainingOptions().hidden).layers)
        guard let value = try? JSONOutput.tree(layers, keys: .declared) else { return [:] }
        return [TrainingOptions.CodingKeys.layers.rawValue: value]
    }

    /// The default options as JSON values, by key, with an example for each option the
    /// defaults leave out.
    private static func defaultValues() -> [String: JSONValue] {
        var example = TrainingOptions()
        if example.ramp == nil { example.ramp = Ramp(steps: 1500, quantileTo: 0.95) }
        if example.augmentation.redraw == 0 { example.augmentation.redraw = 0.25 }
        guard let text = try? JSONOutput.sortedLine(example),
              let values = try? JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)) else {
            preconditionFailure("the default options round-trip through JSON")
        }
        return values
    }

    private static func decodes(_ values: [String: JSONValue]) -> Bool {
        guard let text = try? JSONOutput.sortedLine(values) else { return false }
        return (try? JSONDecoder().decode(TrainingOptions.self, from: Data(text.utf8))) != nil
    }
}
