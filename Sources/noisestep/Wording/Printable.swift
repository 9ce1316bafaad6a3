import NoiseStep

/// Text from outside the program (paths, file contents) made safe to print on one line.
enum Printable {
    /// `text` with control, format and separator characters escaped (`\u{A}`), so that it
    /// cannot break a message's single line, reorder it or drive a terminal; the bytes of
    /// a path that are not UTF-8 (`PathBytes`) as `\xFE`.
    static func escaped<Text: StringProtocol>(_ text: Text) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let byte = PathBytes.byte(scalar) {  // a byte of a path that is not UTF-8
                result += "\\x" + String(byte, radix: 16, uppercase: true)
                continue
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
