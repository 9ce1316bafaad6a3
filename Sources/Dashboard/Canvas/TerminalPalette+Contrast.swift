import Foundation

extension TerminalPalette {
    /// xterm's default colour for colour number `index` (0–255), each channel in 0...1:
    /// the 16 standard colours, the 6 × 6 × 6 cube and the 24 greys.
    public static func rgb(of index: Int) -> SIMD3<Double> {
        let standard: [UInt32] = [0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
                                  0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF]
        let channel = { (value: Int) in Double(value) / 255 }
        switch index {
        case 0 ..< 16:
            let value = standard[index]
            return SIMD3(channel(Int(value >> 16 & 0xFF)), channel(Int(value >> 8 & 0xFF)), channel(Int(value & 0xFF)))
        case 16 ..< 232:
            let levels = [0, 95, 135, 175, 215, 255], cube = index - 16
            return SIMD3(channel(levels[cube / 36]), channel(levels[cube / 6 % 6]), channel(levels[cube % 6]))
        default:
            let grey = channel(8 + 10 * (index - 232))
            return SIMD3(grey, grey, grey)
        }
    }

    /// WCAG 2's relative luminance of an sRGB colour.
    public static func relativeLuminance(_ color: SIMD3<Double>) -> Double {
        let linear = { (value: Double) in value <= 0.04045 ? value / 12.92 : Foundation.pow((value + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear(color.x) + 0.7152 * linear(color.y) + 0.0722 * linear(color.z)
    }

    /// WCAG 2's contrast ratio of two colours, 1 to 21.
    public static func contrastRatio(_ first: SIMD3<Double>, _ second: SIMD3<Double>) -> Double {
        let (a, b) = (relativeLuminance(first), relativeLuminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// The background the theme assumes, and the foreground a terminal's own colour has on it.
    public static func background(_ theme: Theme) -> SIMD3<Double> { theme == .dark ? SIMD3(0, 0, 0) : SIMD3(1, 1, 1) }
    public static func foreground(_ theme: Theme) -> SIMD3<Double> { theme == .dark ? SIMD3(1, 1, 1) : SIMD3(0, 0, 0) }

    /// The colour `role` shows in (bold standard colours as xterm shows them: bright).
    public static func shownColor(of role: ColorRole, theme: Theme, depth: ColorDepth) -> SIMD3<Double> {
        let index = Int(color(for: role, theme: theme, depth: depth))
        guard index >= 0 else { return foreground(theme) }
        let bright = index < 8 && isBold(role, theme: theme, depth: depth)
        return rgb(of: bright ? index + 8 : index)
    }
}
