import Foundation
import NoiseStep

extension InputReducer {
    static let quantileStep = 0.05
    static let densityFactor = 1.25

    /// The settings keys: `[` `]` quantile, `-` `=` density, `<` `>` samples, `a` schedule.
    ///
    /// Each starts from the settings last asked for while they are fresh (see
    /// `PendingSettings`), so repeated presses add up even before the session catches up.
    /// A change the rulebook (`Limits`) refuses does nothing but say why.
    static func adjustSetting(_ key: Character, ui: inout DashboardUIState, context: InputContext) -> [DashboardEffect] {
        var settings = PendingSettings.effective(ui.pendingSettings, published: context.published, now: context.now)
        switch key {
        case "[", "]":
            let raised = settings.rejectQuantile + (key == "]" ? quantileStep : -quantileStep)
            // Rounded so that repeated steps of 0.05 land on 0.55, not 0.5500000000000001.
            settings.rejectQuantile = (raised * 1e6).rounded() / 1e6
        case "-", "=", "+":  // = is + without Shift
            settings.density = key == "-" ? settings.density / densityFactor : settings.density * densityFactor
        case "<", ">", ",", ".":
            // , and . are < and > without Shift.
            let halve = key == "<" || key == ","
            settings.samples = halve ? settings.samples / 2 : settings.samples * 2
        case "a":
            settings.schedule = settings.schedule.next
        default:
            return []
        }
        do throws(LimitViolation) {
            try Limits.check(settings, parameterCount: context.parameterCount)
        } catch {
            ui.notify(LimitText.keyRefused(error), now: context.now)
            return []
        }
        ui.pendingSettings = PendingSettings(settings: settings, time: context.now)
        return [.send(.change(settings))]
    }
}
