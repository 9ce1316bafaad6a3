/// What is wrong with one layer of a `--layers` spec or of a header's `layers`. Values
/// only: the front ends word them.
public enum LayerSpecProblem: Error, Sendable, Equatable {
    /// No kind has this name.
    case unknownKind(String)
    /// The kind takes other arguments; `expected` shows them, e.g. "dense OUTPUTS".
    case badArguments(kind: String, found: [String], expected: String)
}
