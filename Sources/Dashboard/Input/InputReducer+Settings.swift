import Foundation
import NoiseStep

extension InputReducer {
    static let quantileStep = 0.05
    static let quantileRange = 0.0 ... 0.95
    static let densityFactor = 1.25
    static let maximumSamples = 1 << 16

    /// The settings keys: `[` `]` quantile, `-` `=` density, `<` `>` samples, `a` schedule.
    ///
    /// Each starts from the settings last asked for while they are fresh (see
    /// `PendingSettings`), so repeated presses add up even before the session catches up.
    /// A change that would leave the allowed range does nothing but say so.
    static func adjustSetting(_ key: Character, ui: inout DashboardUIState, context: InputContext) -> [DashboardEffect] {
        var settings = PendingSettings.effective(ui.pendingSettings, published: context.published, now: context.now)
        let command: TrainingCommand
        switch key {
        case "[", "]":
            let raised = settings.rejectQuantile + (key == "]" ? quantileStep : -quantileStep)
            let clamped = min(max(raised, quantileRange.lowerBound), quantileRange.upperBound)
            // Rounded so that repeated steps of 0.05 land on 0.55, not 0.5500000000000001.
            settings.rejectQuantile = (clamped * 1e6).rounded() / 1e6
            command = .setRejectQuantile(settings.rejectQuantile)
        case "-", "=", "+":  // = is + without Shift
            let density = key == "-" ? settings.density / densityFactor : settings.density * densityFactor
            guard density > 0 && density < 1 else {
                ui.notify("density must stay inside (0, 1)", now: context.now)
                return []
            }
            settings.density = density
            command = .setDensity(density)
        case "<", ">", ",", ".":
            // , and . are < and > without Shift.
            let halve = key == "<" || key == ","
            let samples = halve ? max(1, settings.samples / 2) : min(maximumSamples, settings.samples * 2)
            settings.samples = samples
            command = .setSamples(samples)
        case "a":
            settings.schedule = settings.schedule.next
            command = .setSchedule(settings.schedule)
        default:
            return []
        }
        ui.pendingSettings = PendingSettings(settings: settings, time: context.now)
        return [.send(command)]
    }
}
