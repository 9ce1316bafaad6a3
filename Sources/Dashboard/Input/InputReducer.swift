import NoiseStep

/// Turns one input event into a change of dashboard state and the effects it asks for.
///
/// Pure: the same state, event and context always give the same result. Keys that mean
/// different things on the pad and on the training panels (space, l, h j k, arrows) go
/// by `Focus`; every other key means the same everywhere. A key that does nothing now
/// says why on the message line. While the screen is too small only `q` does anything;
/// while help is shown, `?` turns its page, `q` quits and any other key closes it.
public enum InputReducer {
    public static func reduce(_ event: InputEvent, ui: inout DashboardUIState,
                              context: InputContext) -> [DashboardEffect] {
        if case .character("q") = event { return [.quit] }
        guard let layout = context.layout else { return [] }
        if let page = ui.helpPage {
            switch event {
            case .character("?"):
                let next = page + 1
                ui.helpPage = next < HelpOverlay.pageCount(screenHeight: context.screenHeight) ? next : nil
            case .character, .up, .down, .left, .right, .tab: ui.helpPage = nil
            case .mouse, .resize: break
            }
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
            else { ui.notify("arrows move the pad cursor: Tab to the pad first", now: context.now) }
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
        case " ":
            // Resuming replaces whatever the pause said ("reached the target…").
            if context.isPaused, context.stepsDone >= context.targetStep {
                ui.notify("running on to step \(NumberFormat.grouped(context.stepsDone + context.leg))", now: context.now)
            } else if context.isPaused {
                ui.notice = nil
            }
            return [.send(.togglePause)]
        case "l": ui.logScale.toggle()
        case "e": ui.smoothing.toggle()
        case "?": ui.helpPage = 0
        case "r": return [.loadRandomValidationImage]
        case "s": return [.send(.save)]
        case "n":
            guard context.isPaused else {
                ui.notify("n runs one step while paused: press space to pause first", now: context.now)
                return []
            }
            return [.send(.stepOnce)]
        case "t":
            let target = max(context.targetStep, context.stepsDone) + context.leg
            ui.notify("target step \(NumberFormat.grouped(target))" + (context.isPaused ? ": space runs on" : ""),
                      now: context.now)
            return [.send(.extendTarget(by: context.leg))]
        case "x", "c", "h", "j", "k", "H", "J", "K", "L":
            ui.notify("\(key) acts on the pad: Tab to the pad first", now: context.now)
        case "\u{1b}":
            break
        default:
            return adjustSetting(key, ui: &ui, context: context) ?? unknown(key, ui: &ui, now: context.now)
        }
        return []
    }

    /// Says that `key` means nothing (control characters pass silently).
    private static func unknown(_ key: Character, ui: inout DashboardUIState, now: Double) -> [DashboardEffect] {
        if let scalar = key.unicodeScalars.first, scalar.properties.generalCategory != .control {
            ui.notify("\(key) does nothing: ? lists the keys", now: now)
        }
        return []
    }
}
