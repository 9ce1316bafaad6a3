import Foundation
import NoiseStep

/// The words for a settings change, from the fullest to the shortest, and the fullest
/// that fits a width.
enum SettingsChangeText {
    /// Each changed setting in three lengths: "quantile 0.50→0.55", "q 0.50→0.55", "q→0.55".
    struct Parts {
        var full: [String] = [], medium: [String] = [], short: [String] = []
    }

    static func describe(_ change: SettingsChange) -> [String] {
        let parts = parts(of: change)
        let tag = change.isSchedule ? " (by the schedule)" : ""
        return [parts.full.joined(separator: ", ") + tag, parts.full.joined(separator: ", "),
                parts.medium.joined(separator: " "), parts.short.joined(separator: " ")]
    }

    /// The fullest description at most `width` characters long; else the first settings'
    /// short words and how many more changed ("q→0.55 +3"); else "" when not even that fits.
    static func fitting(_ change: SettingsChange, width: Int) -> String {
        if let text = describe(change).first(where: { $0.count <= width }) { return text }
        let short = parts(of: change).short
        for shown in stride(from: short.count - 1, through: 1, by: -1) {
            let text = short.prefix(shown).joined(separator: " ") + " +\(short.count - shown)"
            if text.count <= width { return text }
        }
        let count = "\(short.count) settings"
        return count.count <= width ? count : ""
    }

    static func parts(of change: SettingsChange) -> Parts {
        let from = change.from, to = change.to
        var parts = Parts()
        func add(_ name: String, _ letter: String, _ before: String, _ after: String, _ brief: (String, String)) {
            parts.full.append("\(name) \(before)→\(after)")
            parts.medium.append("\(letter) \(brief.0)→\(brief.1)")
            parts.short.append("\(letter)→\(brief.1)")
        }
        if to.quantileChanged(from: from) {
            let (before, after) = (NumberFormat.fixed(from.rejectQuantile, 2), NumberFormat.fixed(to.rejectQuantile, 2))
            add("quantile", "q", before, after, (before, after))
        }
        if from.density != to.density {
            add("density", "d", NumberFormat.scientific(from.density), NumberFormat.scientific(to.density),
                (brief(from.density), brief(to.density)))
        }
        if from.samples != to.samples {
            let (before, after) = (NumberFormat.grouped(from.samples), NumberFormat.grouped(to.samples))
            add("samples", "s", before, after, (before, after))
        }
        if from.schedule != to.schedule {
            parts.full.append("schedule \(to.schedule.rawValue)")
            parts.medium.append(to.schedule.rawValue)
            parts.short.append(to.schedule.rawValue)
        }
        if from.quantileSchedule != to.quantileSchedule {
            parts.full.append(to.quantileSchedule == .ramp ? "quantile on its ramp" : "quantile off its ramp")
            parts.medium.append("q \(to.quantileSchedule.rawValue)")
            parts.short.append("q \(to.quantileSchedule.rawValue)")
        }
        if from.keepBy != to.keepBy {
            parts.full.append("keep by \(to.keepBy.rawValue)")
            parts.medium.append("keep \(to.keepBy.rawValue.prefix(3))")
            parts.short.append("k→\(to.keepBy.rawValue.prefix(3))")
        }
        return parts
    }

    /// A density in two significant figures, "1.5e-5".
    static func brief(_ value: Double) -> String {
        let exponent = Int(Foundation.floor(Foundation.log10(value)))
        return NumberFormat.fixed(value / Foundation.pow(10, Double(exponent)), 1) + "e\(exponent)"
    }
}
