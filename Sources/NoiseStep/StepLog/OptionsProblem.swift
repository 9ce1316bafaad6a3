/// What is wrong with the options in a header.
public enum OptionsProblem: Sendable, Equatable {
    /// Valid options, but outside the rulebook's limits.
    case limit(LimitViolation)
    /// A top-level option this program does not know (a newer program's option would
    /// change what a replay must do).
    case unknownOption(String)
    /// A required option is absent.
    case missingOption(String)
    /// `option` holds `found` (as JSON), which is not a value it takes; `example` is a
    /// valid one (the default, as JSON).
    case invalidValue(option: String, found: String, example: String)
    /// The options are not a JSON object.
    case notAnObject
}
