import Foundation
import NoiseStep

extension InputReducer {
    static let quantileStep = 0.05
    static let densityFactor = 1.25

    /// The settings keys: `[` `]` quantile, `-` `=` density, `<` `>` samples, `a` schedule,
    /// `u` undo the last of these, `U` back to the settings the session started with.
    ///
    /// Each starts from the settings last asked for while they are fresh (see
    /// `PendingSettings`), so repeated presses add up even before the session catches up.
    /// A density key also fixes the schedule (the paper schedule would undo it at the next
    /// step) until `a` turns it back on; the change is recorded in the step log like any
    /// other, an undo too. A change the rulebook (`Limits`) refuses does nothing but say why.
    /// - Returns: the effects, or nil when `key` is not a settings key.
    static func adjustSetting(_ key: Character, ui: inout DashboardUIState, context: InputContext) -> [DashboardEffect]? {
        var settings = PendingSettings.effective(ui.pendingSettings, published: context.published, now: context.now)
        let start = settings
        var overrides = ui.densityOverridesSchedule
        let said: String
        switch key {
        case "[", "]":
            let raised = settings.rejectQuantile + (key == "]" ? quantileStep : -quantileStep)
            // Rounded so that repeated steps of 0.05 land on 0.55, not 0.5500000000000001.
            settings.rejectQuantile = (raised * 1e6).rounded() / 1e6
            said = "reject quantile " + NumberFormat.fixed(settings.rejectQuantile, 2) + " from the next step"
        case "-", "=", "+":  // = is + without Shift
            let scaled = key == "-" ? settings.density / densityFactor : settings.density * densityFactor
            // Six significant figures, so that = then - comes back to 6.00e-05, not 6.000000000000001e-05.
            settings.density = Double(String(format: "%.6g", scaled)) ?? scaled
            overrides = overrides || settings.schedule == .paper
            said = "density " + NumberFormat.scientific(settings.density) + " from the next step"
                + (settings.schedule == .paper ? "; schedule off until a" : "")
            settings.schedule = .fixed
        case "<", ">", ",", ".":
            // , and . are < and > without Shift.
            let halve = key == "<" || key == ","
            settings.samples = halve ? settings.samples / 2 : settings.samples * 2
            said = "samples " + NumberFormat.grouped(settings.samples) + " from the next step"
        case "a":
            settings.schedule = settings.schedule.afterKeyA
            overrides = false
            said = settings.schedule == .paper ? "paper schedule on: the density now falls with the loss"
                                               : "schedule fixed: the density stays " + NumberFormat.scientific(settings.density)
        case "u": return undo(from: settings, ui: &ui, context: context)
        case "U": return resetToLaunch(from: settings, ui: &ui, context: context)
        default:
            return nil
        }
        return request(settings, from: start, overrides: overrides, said: [said], ui: &ui, context: context)
    }

    /// `u`: puts back what the last settings key changed (the rest stays as it is now).
    private static func undo(from current: StepSettings, ui: inout DashboardUIState,
                             context: InputContext) -> [DashboardEffect] {
        guard let edit = ui.edits.last else {
            ui.notify("nothing to undo: no settings key pressed yet", now: context.now)
            return []
        }
        let settings = edit.undone(from: current)
        let words = SettingsChangeText.describe(SettingsChange(number: 0, step: 0, from: current, to: settings))
        let said = words.map { "undone: \($0) from the next step" } + words.map { "undone: \($0)" }
        let effects = request(settings, from: current, overrides: edit.overrodeScheduleBefore, said: said, ui: &ui,
                              context: context, recordEdit: false)
        if !effects.isEmpty { ui.edits.removeLast() }
        return effects
    }

    /// `U`: the settings the session started with (`u` undoes this too).
    private static func resetToLaunch(from current: StepSettings, ui: inout DashboardUIState,
                                      context: InputContext) -> [DashboardEffect] {
        guard let launch = ui.launchSettings, launch != current else {
            ui.notify("the settings are the launch settings already", now: context.now)
            return []
        }
        let words = SettingsChangeText.describe(SettingsChange(number: 0, step: 0, from: current, to: launch))
        let said = words.map { "back to the launch settings: \($0)" } + ["back to the launch settings"]
        return request(launch, from: current, overrides: false, said: said, ui: &ui, context: context)
    }

    /// Asks for `settings` unless the rulebook refuses them: the pending settings, the
    /// undo list (`recordEdit`) and the notice follow.
    private static func request(_ settings: StepSettings, from current: StepSettings, overrides: Bool, said: [String],
                                ui: inout DashboardUIState, context: InputContext,
                                recordEdit: Bool = true) -> [DashboardEffect] {
        do throws(LimitViolation) {
            try Limits.check(settings, parameterCount: context.parameterCount)
        } catch {
            ui.notify(LimitText.keyRefused(error), now: context.now)
            return []
        }
        if recordEdit {
            ui.edits.append(SettingsEdit(before: current, after: settings, overrodeScheduleBefore: ui.densityOverridesSchedule))
        }
        ui.pendingSettings = PendingSettings(settings: settings, time: context.now)
        ui.densityOverridesSchedule = overrides
        ui.notify(said, now: context.now)
        return [.send(.change(settings))]
    }
}
