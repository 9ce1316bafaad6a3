@testable import Dashboard
import NoiseStep
import Testing

@Suite struct InputReducerTests {
    static let settings = StepSettings(density: 6e-5, samples: 128, rejectQuantile: 0.5, schedule: .paper)
    /// The default model's size, 784→256→256→10.
    static let parameterCount = 269_322
    static let layout = ScreenLayout(width: 120, height: 40, layerCount: 2)

    static func context(paused: Bool = false, layout: ScreenLayout? = layout, now: Double = 100,
                        stepsDone: Int = 40, target: Int = 1500) -> InputContext {
        InputContext(published: settings, parameterCount: parameterCount, isPaused: paused, layout: layout, now: now,
                     stepsDone: stepsDone, targetStep: target, leg: 1500)
    }

    /// Reduces `events` in order from `ui`, collecting every effect.
    static func run(_ events: [InputEvent], ui: inout DashboardUIState, context: InputContext = context()) -> [DashboardEffect] {
        events.flatMap { InputReducer.reduce($0, ui: &ui, context: context) }
    }

    @Test func spacePausesWithTrainingFocus() {
        var ui = DashboardUIState()
        #expect(Self.run([.character(" ")], ui: &ui) == [.send(.togglePause)])
        #expect(ui.pad.isEmpty)
    }

    /// Space at the target runs on and says how far; space after any other pause clears
    /// what the pause left on the message line.
    @Test func resumingReplacesThePausesNotice() {
        var ui = DashboardUIState()
        ui.notify("reached the target, step 1,500: paused (space continues)", now: 99)
        let atTarget = Self.context(paused: true, stepsDone: 1500, target: 1500)
        #expect(Self.run([.character(" ")], ui: &ui, context: atTarget) == [.send(.togglePause)])
        #expect(ui.notice?.text == "running on to step 3,000")
        ui.notify("paused", now: 99)
        #expect(Self.run([.character(" ")], ui: &ui, context: Self.context(paused: true)) == [.send(.togglePause)])
        #expect(ui.notice == nil)
        ui.notify("density 6.00e-05 from the next step", now: 99)
        #expect(Self.run([.character(" ")], ui: &ui) == [.send(.togglePause)])
        #expect(ui.notice != nil, "pausing leaves the message line alone")
    }

    @Test func spacePaintsWithPadFocus() {
        var ui = DashboardUIState()
        #expect(Self.run([.tab, .character(" ")], ui: &ui).isEmpty)
        #expect(ui.focus == .pad)
        #expect(ui.pad[14, 14] == 1)
    }

    @Test func tabTogglesFocus() {
        var ui = DashboardUIState()
        _ = Self.run([.tab, .tab], ui: &ui)
        #expect(ui.focus == .training)
    }

    /// `q` quits even on a screen too small to draw; with help open it closes the help.
    @Test func qQuitsEvenWhenTheScreenIsTooSmallAndClosesHelp() {
        var ui = DashboardUIState()
        #expect(Self.run([.character("q")], ui: &ui, context: Self.context(layout: nil)) == [.quit])
        ui.helpPage = 0
        #expect(Self.run([.character("q")], ui: &ui).isEmpty)
        #expect(ui.helpPage == nil)
        #expect(Self.run([.character("q")], ui: &ui) == [.quit])
    }

    @Test func tooSmallScreenIgnoresOtherKeys() {
        var ui = DashboardUIState()
        #expect(Self.run([.character(" "), .character("]"), .tab], ui: &ui, context: Self.context(layout: nil)).isEmpty)
        #expect(ui == DashboardUIState())
    }

    @Test func questionMarkTurnsTheHelpPagesAndAnyOtherKeyCloses() {
        var ui = DashboardUIState()
        let small = Self.context(layout: ScreenLayout(width: 80, height: 24, layerCount: 2))
        _ = Self.run([.character("?")], ui: &ui, context: small)
        #expect(ui.helpPage == 0)
        _ = Self.run([.character("?")], ui: &ui, context: small)
        #expect(ui.helpPage == 1)
        _ = Self.run([.character("?")], ui: &ui, context: small)
        #expect(ui.helpPage == nil, "the last page closes")
        _ = Self.run([.character("?")], ui: &ui, context: small)
        #expect(Self.run([.character(" ")], ui: &ui).isEmpty, "space only closes help")
        #expect(ui.helpPage == nil)
    }

    @Test func viewTogglesAndGlobalKeys() {
        var ui = DashboardUIState()
        let effects = Self.run([.character("l"), .character("e"), .character("s"), .character("r")], ui: &ui)
        #expect(ui.logScale && ui.smoothing == .light)
        #expect(effects == [.send(.save), .loadRandomValidationImage])
    }

    @Test func tMovesTheTargetOneLegOnAndSaysWhere() {
        var ui = DashboardUIState()
        #expect(Self.run([.character("t")], ui: &ui, context: Self.context(paused: true, stepsDone: 1500))
            == [.send(.extendTarget(by: 1500))])
        #expect(ui.notice?.text == "target step 3,000: space runs on")
    }

    @Test func lMovesTheCursorWithPadFocus() {
        var ui = DashboardUIState()
        _ = Self.run([.tab, .character("l"), .character("l"), .character("k"), .down, .down, .left], ui: &ui)
        #expect(!ui.logScale)
        #expect(ui.cursor == PadCursor(column: 15, row: 15))
    }

    @Test func cursorStaysOnThePad() {
        var ui = DashboardUIState()
        _ = Self.run([.tab] + Array(repeating: .up, count: 40) + Array(repeating: .character("h"), count: 40), ui: &ui)
        #expect(ui.cursor == PadCursor(column: 0, row: 0))
    }

    @Test func shiftedMovesPaintAndXErasesAndCClears() {
        var ui = DashboardUIState()
        _ = Self.run([.tab, .character("L"), .character("L")], ui: &ui)
        #expect(ui.pad[14, 14] == 1 && ui.pad[15, 14] == 1 && ui.pad[16, 14] == 1)
        _ = Self.run([.character("x")], ui: &ui)
        #expect(ui.pad[16, 14] == 0)
        _ = Self.run([.character("c")], ui: &ui)
        #expect(ui.pad.isEmpty)
    }

    @Test func stepOnceOnlyWhilePaused() {
        var ui = DashboardUIState()
        #expect(Self.run([.character("n")], ui: &ui).isEmpty)
        #expect(ui.notice?.text.contains("pause") == true)
        #expect(Self.run([.character("n")], ui: &ui, context: Self.context(paused: true)) == [.send(.stepOnce)])
    }

    @Test func keysThatDoNothingHereSayWhy() {
        var ui = DashboardUIState()
        _ = Self.run([.character("x")], ui: &ui)
        #expect(ui.notice?.text == "x acts on the pad: Tab to the pad first")
        _ = Self.run([.left], ui: &ui)
        #expect(ui.notice?.text == "the arrows ← → move a zoomed window: z zooms in (the pad cursor: Tab to the pad)")
        _ = Self.run([.character("z")], ui: &ui)
        #expect(ui.notice?.text == "nothing to zoom into before the first step")
        _ = Self.run([.character("Q")], ui: &ui)
        #expect(ui.notice?.text == "Q does nothing: ? lists the keys")
        ui.notice = nil
        _ = Self.run([.character("\u{1b}")], ui: &ui)
        #expect(ui.notice == nil, "Escape passes silently")
    }

    /// An edit keeps a validation image's label, marked as edited; only clearing the pad
    /// makes it a drawing.
    @Test func aValidationImageStaysOneUntilCleared() {
        var ui = DashboardUIState()
        ui.showValidationImage([UInt8](repeating: 0, count: 784), index: 3, label: 7)
        #expect(ui.padSource == .validation(index: 3, label: 7, edited: false))
        _ = Self.run([.tab, .character("x")], ui: &ui)
        #expect(ui.padSource == .validation(index: 3, label: 7, edited: true))
        _ = Self.run([.character(" "), .character("J")], ui: &ui)
        #expect(ui.padSource == .validation(index: 3, label: 7, edited: true))
        _ = Self.run([.character("c")], ui: &ui)
        #expect(ui.padSource == .drawing)
    }
}
