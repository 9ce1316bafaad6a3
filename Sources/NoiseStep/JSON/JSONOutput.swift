/// The one way noisestep writes JSON: `info --json`, `eval --json`, `bench --json`, the
/// `--metrics` lines, the dashboard's exit statistics, and the options in a step log's
/// header.
///
/// What a reader can count on: strict JSON (Python's `json.loads` with NaN refused reads
/// it); snake_case keys, in the order the value declares them (a metrics line starts with
/// its step), for every output a person scripts against. JSON has
/// no NaN or infinity, so a figure that is not a number (the loss of a run that diverged,
/// a ratio with nothing to divide by) is written as `null`: a script sees "no value"
/// rather than a string it must special-case or a made-up number.
public enum JSONOutput {
    /// How Swift property names become JSON keys.
    public enum KeyStyle: Sendable {
        /// `stepSeconds` → `step_seconds`: every output.
        case snakeCase
        /// As declared: the step log's header, whose keys FORMAT.md fixes.
        case declared
    }

    /// `value` as one line of compact JSON, without a newline.
    public static func line(_ value: some Encodable, keys: KeyStyle = .snakeCase) throws -> String {
        try tree(value, keys: keys).text(indent: nil)
    }

    /// `value` as JSON indented two spaces per level, one member per line.
    public static func indented(_ value: some Encodable, keys: KeyStyle = .snakeCase) throws -> String {
        try tree(value, keys: keys).text(indent: 2)
    }

    /// `value` with its keys as declared and sorted, on one line: the step log header's
    /// options (FORMAT.md).
    static func sortedLine(_ value: some Encodable) throws -> String {
        try tree(value, keys: .declared).text(indent: nil, sortingKeys: true)
    }

    static func tree(_ value: some Encodable, keys: KeyStyle) throws -> JSONValue {
        let root = JSONNode()
        try value.encode(to: JSONTreeEncoder(node: root, keys: keys, codingPath: []))
        return root.value
    }
}

extension JSONOutput.KeyStyle {
    /// The JSON key of a Swift name: words split before each capital (a run of capitals
    /// is one word, as in `URLPath` → `url_path`) and joined by underscores, lowercased.
    func key(_ name: String) -> String {
        guard case .snakeCase = self else { return name }
        var words: [String] = [], word = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            let nextIsLower = index + 1 < characters.count && characters[index + 1].isLowercase
            let previousIsUpper = index > 0 && characters[index - 1].isUppercase
            if character.isUppercase, !word.isEmpty, !previousIsUpper || nextIsLower {
                words.append(word)
                word = ""
            }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        return words.map { $0.lowercased() }.joined(separator: "_")
    }
}
