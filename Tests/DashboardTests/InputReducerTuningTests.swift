@testable import Dashboard
import NoiseStep
import Testing

/// The keys for tuning: focus rules, undo and reset, zoom and pan, the quit that asks,
/// `n` at the target and the clickable key bar.
@Suite struct InputReducerTuningTests {
    static let settings = InputReducerTests.settings

    static func context(paused: Bool = false, layout: ScreenLayout? = InputReducerTests.layout, now: Double = 100,
                        stepsDone: Int = 1000, target: Int = 1500, recording: Bool = true,
                        trained: Int = 1000) -> InputContext {
        InputContext(published: settings, parameterCount: InputReducerTests.parameterCount, isPaused: paused,
                     layout: layout, now: now, stepsDone: stepsDone, targetStep: target, leg: 1500,
                     runSteps: stepsDone > 0 ? 1 ... stepsDone : nil, isRecording: recording, stepsTrained: trained)
    }

    /// With the pad focused, space paints and the keys that change the run say so instead.
    @Test func tuningKeysWaitForTheTrainingPanels() {
        var ui = DashboardUIState()
        ui.focus = .pad
        for key: Character in ["]", "[", "-", "=", "<", ">", "a", "u", "U", "n", "t", "z"] {
            #expect(InputReducerTests.run([.character(key)], ui: &ui, context: Self.context()).isEmpty, "\(key)")
            #expect(ui.notice?.text == "\(key) acts on the training panels: Tab back to them first")
        }
        #expect(ui.pendingSettings == nil)
        #expect(InputReducerTests.run([.character("r")], ui: &ui, context: Self.context()) == [.loadRandomValidationImage])
    }

    /// `u` puts back what the last key changed, the other settings as they are now; `U`
    /// returns to the launch settings, and `u` undoes that too.
    @Test func undoAndResetToTheLaunchSettings() {
        var ui = DashboardUIState()
        ui.launchSettings = Self.settings
        var now = 100.0
        func press(_ key: Character) -> [DashboardEffect] {
            now += 10  // past the pending settings' lifetime: every key starts from what was published
            return InputReducer.reduce(.character(key), ui: &ui, context: Self.context(now: now))
        }
        _ = press("]")
        #expect(ui.edits.count == 1)
        var expected = Self.settings
        expected.rejectQuantile = 0.5  // the context publishes 0.50: undoing ] asks for 0.50 again
        #expect(press("u") == [.send(.change(expected))])
        #expect(ui.edits.isEmpty)
        #expect(press("u").isEmpty)
        #expect(ui.notice?.text == "nothing to undo: no settings key pressed yet")
        ui.launchSettings = StepSettings(density: 3e-5, samples: 64, rejectQuantile: 0.4, schedule: .fixed)
        #expect(press("U") == [.send(.change(ui.launchSettings!))])
        #expect(ui.notice?.text == "back to the launch settings: quantile 0.50→0.40, density 6.00e-05→3.00e-05,"
                + " samples 128→64, schedule fixed")
        #expect(ui.notice?.text(fitting: 64) == "back to the launch settings: q→0.40 d→3.0e-5 s→64 fixed",
                "at 80 columns the message row shows what the reset changed")
        #expect(press("u") == [.send(.change(Self.settings))], "the reset undone")
    }

    @Test func undoRestoresTheScheduleADensityKeyTurnedOff() {
        var ui = DashboardUIState()
        var context = Self.context()
        _ = InputReducer.reduce(.character("-"), ui: &ui, context: context)
        #expect(ui.densityOverridesSchedule)
        context.now += 1
        let effects = InputReducer.reduce(.character("u"), ui: &ui, context: context)
        #expect(effects == [.send(.change(Self.settings))], "density and the paper schedule back")
        #expect(!ui.densityOverridesSchedule)
    }

    /// `z` halves the window at the newest step and follows it; ← moves back, → returns
    /// to following; `Z` back out to the whole run.
    @Test func zoomAndPan() {
        var ui = DashboardUIState()
        let context = Self.context()
        _ = InputReducerTests.run([.character("z"), .character("z")], ui: &ui, context: context)
        #expect(ui.plotView == PlotView(span: 250, end: nil))
        #expect(ui.plotView.window(run: 1 ... 1000, ghost: nil) == 751 ... 1000)
        #expect(ui.notice?.text == "plots: the last 250 steps, following (Z out, left arrow back)")
        _ = InputReducerTests.run([.left], ui: &ui, context: context)
        #expect(ui.plotView.window(run: 1 ... 1000, ghost: nil) == 688 ... 937)
        // The arrow keys in words: under LANG=C their glyphs would read as the samples keys < >.
        #expect(ui.notice?.text == "plots: steps 688–937 (right arrow toward now, Z out)")
        _ = InputReducerTests.run([.right, .right], ui: &ui, context: context)
        #expect(ui.plotView.isFollowing)
        _ = InputReducerTests.run([.character("Z"), .character("Z")], ui: &ui, context: context)
        #expect(ui.plotView == PlotView())
    }

    /// The wheel zooms around the step under the pointer.
    @Test func theWheelZoomsAroundThePointer() throws {
        var ui = DashboardUIState()
        let layout = try #require(InputReducerTests.layout)
        let loss = try #require(layout.loss)
        let left = loss.column + 1 + BraillePlot.labelWidth + 1
        let columns = BraillePlot.plotColumns(width: loss.width - 2)
        let middle = MouseEvent(.scrollUp, column: left + (columns - 1) / 2, row: loss.row + 3)
        _ = InputReducerTests.run([.mouse(middle)], ui: &ui, context: Self.context())
        let window = try #require(ui.plotView.window(run: 1 ... 1000, ghost: nil))
        #expect(window.count == 500 && abs(window.lowerBound - 250) < 10, "\(window)")
        #expect(!ui.plotView.isFollowing)
        _ = InputReducerTests.run([.mouse(MouseEvent(.scrollDown, column: middle.column, row: middle.row))], ui: &ui,
                                  context: Self.context())
        #expect(ui.plotView == PlotView())
    }

    /// Quitting a session that records nothing, after training, asks first.
    @Test func quittingAnUnrecordedSessionAsksFirst() {
        var ui = DashboardUIState()
        let unrecorded = Self.context(recording: false, trained: 42)
        #expect(InputReducerTests.run([.character("q")], ui: &ui, context: unrecorded).isEmpty)
        #expect(ui.notice?.text.contains("q again quits and loses its 42 steps") == true)
        #expect(InputReducerTests.run([.character("x")], ui: &ui, context: unrecorded).isEmpty, "any other key stays")
        #expect(!ui.confirmingQuit)
        #expect(InputReducerTests.run([.character("q"), .character("q")], ui: &ui, context: unrecorded) == [.quit])
        var fresh = DashboardUIState()
        #expect(InputReducerTests.run([.character("q")], ui: &fresh, context: Self.context(recording: false, trained: 0))
            == [.quit], "nothing trained, nothing to lose")
    }

    /// `n` at the target moves the target on with the step, so it never reads 601/600.
    @Test func stepOnceAtTheTargetMovesTheTarget() {
        var ui = DashboardUIState()
        let atTarget = Self.context(paused: true, stepsDone: 600, target: 600)
        #expect(InputReducerTests.run([.character("n")], ui: &ui, context: atTarget)
            == [.send(.extendTarget(by: 1)), .send(.stepOnce)])
    }

    /// The key bar: a click on a hint is its key.
    @Test func aClickOnAKeyHintIsThatKey() throws {
        var ui = DashboardUIState()
        let layout = try #require(InputReducerTests.layout)
        let hints = StatusPanel.hints(StatusPanel.Content(
            isPaused: false, step: 1000, targetStep: 1500, stepsPerSecond: 1, elapsedSeconds: 1, settings: Self.settings,
            densityOverridesSchedule: false, alignment: .reverse, seed: 0, focus: .training, leg: 1500, ghostName: nil,
            message: nil))
        let text = hints.fitted(to: StatusPanel.hintsWidth(layout.message.width)).map(\.0).joined()
        let zoom = try #require(text.range(of: "z zoom"))
        let column = text.distance(from: text.startIndex, to: zoom.lowerBound)
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: column, row: layout.message.row))], ui: &ui,
                                  context: Self.context())
        #expect(ui.plotView.span == 500)
        let help = layout.message.width - StatusPanel.helpHint.count
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: help + 1, row: layout.message.row))], ui: &ui,
                                  context: Self.context())
        #expect(ui.helpPage == 0)
    }
}
