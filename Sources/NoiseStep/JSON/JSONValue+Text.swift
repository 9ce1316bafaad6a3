/// How a `JSONValue` is written: strict JSON (RFC 8259), members in their order or sorted
/// by key, so that two outputs of equal values are equal text.
///
/// Numbers: integers exactly; a finite Double as Swift's shortest round-trip form, a whole
/// one without ".0" (8.0 → `8`, 6e-05 → `6e-05`, 1e+20 → `1e+20`); NaN and ±infinity,
/// which JSON cannot spell, as `null`. Strings: `"` `\` and control characters escaped,
/// everything else as UTF-8.
extension JSONValue {
    /// - Parameters:
    ///   - indent: spaces per level, one member per line; nil writes one line without spaces.
    ///   - sortingKeys: write every object's members sorted by key instead of in their order.
    func text(indent: Int?, sortingKeys: Bool = false) -> String {
        var out = ""
        write(to: &out, layout: Layout(indent: indent, sortingKeys: sortingKeys), depth: 0)
        return out
    }

    private struct Layout {
        var indent: Int?
        var sortingKeys: Bool
    }

    private func write(to out: inout String, layout: Layout, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .unsigned(let value): out += String(value)
        case .signed(let value): out += String(value)
        case .real(let value): out += Self.number(value)
        case .string(let value): Self.quote(value, to: &out)
        case .array(let values):
            writeMembers(values.map { (nil, $0) }, open: "[", close: "]", to: &out, layout: layout, depth: depth)
        case .object(let members):
            let ordered = layout.sortingKeys ? members.sorted { $0.key < $1.key } : members
            writeMembers(ordered.map { ($0.key, $0.value) }, open: "{", close: "}", to: &out, layout: layout, depth: depth)
        }
    }

    private func writeMembers(_ members: [(String?, JSONValue)], open: String, close: String, to out: inout String,
                              layout: Layout, depth: Int) {
        let indent = layout.indent
        out += open
        guard !members.isEmpty else { return out += close }
        let inner = indent.map { "\n" + String(repeating: " ", count: $0 * (depth + 1)) } ?? ""
        for (index, (key, value)) in members.enumerated() {
            out += (index > 0 ? "," : "") + inner
            if let key {
                Self.quote(key, to: &out)
                out += indent == nil ? ":" : ": "
            }
            value.write(to: &out, layout: layout, depth: depth + 1)
        }
        out += (indent.map { "\n" + String(repeating: " ", count: $0 * depth) } ?? "") + close
    }

    /// A finite number in its shortest round-trip form; `null` for NaN and infinities.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let text = String(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func quote(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
