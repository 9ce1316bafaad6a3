/// Whether the terminal's background is dark or light: the colours are chosen for it.
public enum Theme: String, Sendable, Equatable, CaseIterable {
    case dark, light

    /// The other theme (the `b` key).
    public var other: Theme { self == .dark ? .light : .dark }

    /// The theme for a background colour given as "rgb:RRRR/GGGG/BBBB" (a terminal's
    /// answer to OSC 11), or as COLORFGBG's "fg;bg" (rxvt, Konsole: bg 7 or 9–15 is
    /// light); nil when neither says.
    public static func detect(backgroundReport: String?, colorFGBG: String?) -> Theme? {
        if let report = backgroundReport, let range = report.range(of: "rgb:") {
            let channels: [Double] = report[range.upperBound...].split(separator: "/").prefix(3).compactMap { field in
                let digits = field.prefix(4)
                guard let value = UInt32(digits, radix: 16) else { return nil }
                let largest = (1 << (4 * digits.count)) - 1
                return Double(value) / Double(largest)
            }
            if channels.count == 3 {
                let luminance = TerminalPalette.relativeLuminance(SIMD3(channels[0], channels[1], channels[2]))
                return luminance > 0.4 ? .light : .dark
            }
        }
        if let fgbg = colorFGBG, let last = fgbg.split(separator: ";").last, let background = Int(last) {
            return background == 7 || (9 ... 15).contains(background) ? .light : .dark
        }
        return nil
    }
}
