import Foundation

/// The one way numbers become text, for every front end (the command line, the
/// dashboard). Locale-independent: a decimal point, commas between thousands.
///
/// Each function is total: NaN and infinities come out as "nan", "inf" and "-inf"
/// rather than trapping, so a diverged run still prints.
public enum NumberFormat {
    /// `value` with `digits` decimals: fixed(2.3456, 2) → "2.35".
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        return String(format: "%.\(max(0, digits))f", value)
    }

    /// A fraction as a percentage with `digits` decimals: percent(0.9123) → "91.2%".
    public static func percent(_ fraction: Double, digits: Int = 1) -> String {
        fixed(fraction * 100, digits) + "%"
    }

    /// Thousands separated by commas: grouped(12345) → "12,345", grouped(-999) → "-999".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// About three significant figures in at most 6 characters (7 when negative), for
    /// axis labels and losses: 2.30, 0.0512, 123, 4.5e-5, 1.2e4.
    public static func significant(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let magnitude = abs(value)
        if magnitude == 0 { return "0" }
        if magnitude >= 0.01 && magnitude < 1000 {
            let decimals = max(0, 2 - Int(Foundation.floor(Foundation.log10(magnitude))))
            // 999.6 rounds up to "1000": one column more than the axis has, so go on to e-notation.
            let text = String(format: "%.\(decimals)f", value)
            if text.count <= (value < 0 ? 7 : 6) { return text }
        }
        return compactExponent(String(format: "%.1e", value))
    }

    /// Densities and other values that span decades: scientific(6e-5) → "6.00e-05".
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        return String(format: "%.2e", value)
    }

    /// A number as a person types it: a whole number without a decimal point, anything
    /// else in Swift's shortest form: plain(256) → "256", plain(0.5) → "0.5", plain(6e-05)
    /// → "6e-05". Used where the text is read back (a command line that repeats a run).
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Seconds, rounded to the nearest whole second, as "m:ss" or "h:mm:ss"; negative
    /// and non-finite durations are "0:00".
    public static func duration(_ seconds: Double) -> String {
        let total = seconds.isFinite && seconds > 0 ? Int(min(seconds, 1e12).rounded()) : 0
        let hours = total / 3600, minutes = total / 60 % 60, rest = total % 60
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest)
                         : String(format: "%d:%02d", minutes, rest)
    }

    /// "4.5e-05" → "4.5e-5": the exponent's leading zero costs a column an axis lacks.
    private static func compactExponent(_ text: String) -> String {
        guard let marker = text.firstIndex(of: "e") else { return text }
        let exponent = Int(text[text.index(after: marker)...]) ?? 0
        return text[..<marker] + "e\(exponent)"
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf")
    }
}
