/// Turns one input event into a change of dashboard state and the effects it asks for.
///
/// Pure: the same state, event and context always give the same result. Keys that mean
/// different things on the pad and on the training panels (space, l, h j k, arrows) go
/// by `Focus`; every other key means the same everywhere. While the screen is too small
/// only `q` does anything; while help is shown, `q` quits and any other key closes help.
public enum InputReducer {
    public static func reduce(_ event: InputEvent, ui: inout DashboardUIState,
                              context: InputContext) -> [DashboardEffect] {
        if case .character("q") = event { return [.quit] }
        guard let layout = context.layout else { return [] }
        if ui.showsHelp {
            if case .character = event { ui.showsHelp = false }
            return []
        }
        switch event {
        case .resize:
            return []
        case .tab:
            ui.focus = ui.focus == .pad ? .training : .pad
            ui.strokeEnd = nil
            return []
        case .mouse(let mouse):
            handleMouse(mouse, ui: &ui, layout: layout)
            return []
        case .up, .down, .left, .right:
            if ui.focus == .pad { handlePadKey(event, ui: &ui) }
            return []
        case .character(let key):
            if ui.focus == .pad && handlePadKey(event, ui: &ui) { return [] }
            return handleKey(key, ui: &ui, context: context)
        }
    }

    /// Keys with the same meaning in both focuses, plus the training-focus meanings of
    /// space and `l`.
    private static func handleKey(_ key: Character, ui: inout DashboardUIState,
                                  context: InputContext) -> [DashboardEffect] {
        switch key {
        case " ": return [.send(.togglePause)]
        case "l": ui.logScale.toggle()
        case "e": ui.smoothing.toggle()
        case "?": ui.showsHelp = true
        case "r": return [.loadRandomValidationImage]
        case "s": return [.send(.save)]
        case "n":
            guard context.isPaused else {
                ui.notify("n runs one step while paused: press space to pause first", now: context.now)
                return []
            }
            return [.send(.stepOnce)]
        default:
            return adjustSetting(key, ui: &ui, context: context)
        }
        return []
    }
}
