import NoiseStep

/// Turns one input event into a change of dashboard state and the effects it asks for.
///
/// Pure: the same state, event and context always give the same result. Keys that mean
/// different things on the pad and on the training panels (space, l, h j k, arrows) go
/// by `Focus`; while the pad has focus, the keys that change the run (settings, steps)
/// do nothing but say so. A key that does nothing now says why on the message line.
/// While help is shown, `?` turns its page and any other key, `q` too, closes it. `q`
/// quits, except in a session that records nothing and has trained: then it asks, and
/// only a second `q` quits.
public enum InputReducer {
    /// Keys that change the run or how it is plotted, which act on the training panels only.
    static let trainingKeys: Set<Character> = ["[", "]", "-", "=", "+", "<", ">", ",", ".", "a", "u", "U", "n", "t",
                                               "z", "Z", "e", "p"]

    public static func reduce(_ event: InputEvent, ui: inout DashboardUIState,
                              context: InputContext) -> [DashboardEffect] {
        if ui.confirmingQuit {
            ui.confirmingQuit = false
            if case .character("q") = event { return [.quit] }
            ui.notify("still running: nothing was lost", now: context.now)
            return []
        }
        if case .report = event { return [] }
        if case .character("q") = event, ui.helpPage == nil { return quit(ui: &ui, context: context) }
        guard let layout = context.layout else { return [] }
        if let page = ui.helpPage {
            switch event {
            case .character("?"):
                let next = page + 1
                ui.helpPage = next < context.helpPageCount ? next : nil
            case .character, .up, .down, .left, .right, .tab: ui.helpPage = nil
            case .mouse, .resize, .report: break
            }
            return []
        }
        switch event {
        case .resize, .report:
            return []
        case .tab:
            ui.focus = ui.focus == .pad ? .training : .pad
            ui.strokeEnd = nil
            return []
        case .mouse(let mouse) where mouse.action == .scrollUp || mouse.action == .scrollDown:
            zoom(with: mouse, ui: &ui, context: context)
            return []
        case .mouse(let mouse) where mouse.action == .press && mouse.row == layout.message.row:
            // The key bar: a click on a hint is its key (hints under a notice are not there;
            // "? help" and "q quit" always are).
            guard let key = StatusPanel.hintKey(at: mouse.column - layout.message.column, width: layout.message.width,
                                                focus: ui.focus, isPaused: context.isPaused,
                                                atTarget: context.stepsDone >= context.targetStep, leg: context.leg),
                  ui.notice == nil || key == .character("?") || key == .character("q") else { return [] }
            return reduce(key, ui: &ui, context: context)
        case .mouse(let mouse):
            handleMouse(mouse, ui: &ui, layout: layout)
            return []
        case .up, .down, .left, .right:
            if ui.focus == .pad { handlePadKey(event, ui: &ui) } else { moveView(event, ui: &ui, context: context) }
            return []
        case .character(let key):
            if ui.focus == .pad && handlePadKey(event, ui: &ui) { return [] }
            if ui.focus == .pad && trainingKeys.contains(key) {
                ui.notify(["\(key) acts on the training panels: Tab back to them first", "\(key): Tab to the training panels"],
                          now: context.now)
                return []
            }
            return handleKey(key, ui: &ui, context: context)
        }
    }

    /// `q`: quits, or in a session that records nothing and has trained, asks first.
    private static func quit(ui: inout DashboardUIState, context: InputContext) -> [DashboardEffect] {
        guard !context.isRecording, context.stepsTrained > 0 else { return [.quit] }
        ui.confirmingQuit = true
        let steps = NumberFormat.grouped(context.stepsTrained)
        ui.notify(["not recorded (--no-record): q again quits and loses its \(steps) steps; any other key stays",
                   "q again quits, losing \(steps) unrecorded steps", "q again: quit unrecorded"], now: context.now)
        return []
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
        case "e":
            ui.smoothing = ui.smoothing.next
            ui.notify(ui.smoothing == .off ? "curves raw"
                      : "curves smoothed: exponential moving average, span \(ui.smoothing.rawValue) steps", now: context.now)
        case "z", "Z": zoom(in: key == "z", around: nil, ui: &ui, context: context)
        case "?": ui.helpPage = 0
        case "r": return [.loadRandomValidationImage]
        case "s": return [.send(.save)]
        case "w": return [.exportHistory]
        case "b": return [.switchTheme]
        case "p":
            let pace = context.pace == nil ? context.watchingPace : nil
            ui.notify(pace.map { "training at \(NumberFormat.grouped(Int($0))) steps a second, to watch it (p: full speed)" }
                ?? "training as fast as it can (p: slow down to watch)", now: context.now)
            return [.send(.pace(stepsPerSecond: pace))]
        case "n": return stepOnce(ui: &ui, context: context)
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

    /// `n`: one step while paused; at the target, the target moves on with it.
    private static func stepOnce(ui: inout DashboardUIState, context: InputContext) -> [DashboardEffect] {
        guard context.isPaused else {
            ui.notify("n runs one step while paused: press space to pause first", now: context.now)
            return []
        }
        guard context.stepsDone >= context.targetStep else { return [.send(.stepOnce)] }
        return [.send(.extendTarget(by: 1)), .send(.stepOnce)]
    }

    /// Says that `key` means nothing (control characters pass silently).
    private static func unknown(_ key: Character, ui: inout DashboardUIState, now: Double) -> [DashboardEffect] {
        if let scalar = key.unicodeScalars.first, scalar.properties.generalCategory != .control {
            ui.notify("\(key) does nothing: ? lists the keys", now: now)
        }
        return []
    }
}
