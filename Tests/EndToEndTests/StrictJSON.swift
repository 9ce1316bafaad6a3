import Foundation

/// Reads noisestep's JSON outputs as a strict script would: RFC 8259 only, no NaN or
/// Infinity tokens, no "nan"/"inf" strings standing in for numbers, and every key
/// snake_case (lower-case letters, digits and underscores). What `JSONOutput` promises.
enum StrictJSON {
    struct Violation: Error, CustomStringConvertible {
        let description: String
    }

    /// The value of `text`, or the first rule it breaks.
    static func parse(_ text: some StringProtocol) throws -> Any {
        let text = String(text)
        for token in ["NaN", "Infinity", "nan", "inf"] where containsBareToken(token, in: text) {
            throw Violation(description: "a bare \(token) in \(text)")
        }
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        try check(value, at: "$")
        return value
    }

    /// The object `text` holds.
    static func object(_ text: some StringProtocol) throws -> [String: Any] {
        guard let object = try parse(text) as? [String: Any] else { throw Violation(description: "not an object: \(text)") }
        return object
    }

    private static func check(_ value: Any, at path: String) throws {
        switch value {
        case let object as [String: Any]:
            for (key, member) in object {
                guard key.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil else {
                    throw Violation(description: "key \(path).\(key) is not snake_case")
                }
                try check(member, at: path + "." + key)
            }
        case let array as [Any]:
            for (index, element) in array.enumerated() { try check(element, at: "\(path)[\(index)]") }
        case let string as String:
            if ["nan", "-nan", "inf", "-inf", "NaN", "Infinity", "-Infinity"].contains(string) {
                throw Violation(description: "\(path) is the string \"\(string)\" instead of a number or null")
            }
        default:
            break
        }
    }

    /// Whether `token` stands outside every string of `text`.
    private static func containsBareToken(_ token: String, in text: String) -> Bool {
        var inString = false, escaped = false, outside = ""
        for character in text {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            if character == "\"" { inString = true } else { outside.append(character) }
        }
        return outside.range(of: "\\b\(token)\\b", options: .regularExpression) != nil
    }
}
