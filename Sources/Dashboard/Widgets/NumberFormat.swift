import Foundation

/// Short, fixed-style renderings of numbers for the panels. All are locale-independent.

/// 0.912 → "91.2%".
func percent(_ fraction: Double) -> String {
    String(format: "%.1f%%", fraction * 100)
}

/// 12345 → "12,345".
func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}

/// About three significant figures in at most 6 characters (7 when negative):
/// 2.30, 0.0512, 123, 4.5e-5.
func significant(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    let magnitude = abs(value)
    if magnitude == 0 { return "0" }
    if magnitude >= 0.01 && magnitude < 1000 {
        let decimals = max(0, 2 - Int(Foundation.floor(Foundation.log10(magnitude))))
        return String(format: "%.\(decimals)f", value)
    }
    // "4.5e-05" → "4.5e-5": the exponent's leading zero costs a column the axis lacks.
    let text = String(format: "%.1e", value)
    guard let marker = text.firstIndex(of: "e") else { return text }
    let exponent = Int(text[text.index(after: marker)...]) ?? 0
    return text[..<marker] + "e\(exponent)"
}

/// 6e-5 → "6.00e-05": for densities, which span many decades.
func scientific(_ value: Double) -> String {
    String(format: "%.2e", value)
}

/// Seconds as "m:ss" or "h:mm:ss".
func duration(_ seconds: Double) -> String {
    let total = seconds.isFinite ? max(0, Int(seconds)) : 0
    let hours = total / 3600, minutes = total / 60 % 60, rest = total % 60
    return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest)
                     : String(format: "%d:%02d", minutes, rest)
}
