import NoiseStep

/// Small pieces of wording shared by the messages.
enum Words {
    /// "784→16→12→10".
    static func architecture(_ widths: [Int]) -> String { widths.map(String.init).joined(separator: "→") }

    /// `0x00000803` style, always eight digits.
    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }

    /// `text` cut to 60 characters with an ellipsis, for values quoted from a file.
    static func shortened(_ text: String) -> String { text.count <= 60 ? text : text.prefix(57) + "…" }
}
