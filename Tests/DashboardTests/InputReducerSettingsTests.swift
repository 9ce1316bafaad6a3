@testable import Dashboard
import NoiseStep
import Testing

@Suite struct InputReducerSettingsTests {
    private func effects(_ keys: String, ui: inout DashboardUIState,
                         context: InputContext = InputReducerTests.context()) -> [DashboardEffect] {
        InputReducerTests.run(keys.map { .character($0) }, ui: &ui, context: context)
    }

    @Test func quantileMovesInStepsOfFiveHundredthsAndClamps() {
        var ui = DashboardUIState()
        #expect(effects("]", ui: &ui) == [.send(.setRejectQuantile(0.55))])
        #expect(effects("]]]]]]]]]", ui: &ui).last == .send(.setRejectQuantile(0.95)))
        #expect(effects("]", ui: &ui) == [.send(.setRejectQuantile(0.95))])
        var fresh = DashboardUIState()
        #expect(effects(String(repeating: "[", count: 12), ui: &fresh).last == .send(.setRejectQuantile(0)))
    }

    @Test func densityMultipliesAndDividesByOneAndAQuarter() {
        var ui = DashboardUIState()
        #expect(effects("=", ui: &ui) == [.send(.setDensity(6e-5 * 1.25))])
        var other = DashboardUIState()
        #expect(effects("-", ui: &other) == [.send(.setDensity(6e-5 / 1.25))])
    }

    @Test func densityStaysBelowOne() {
        var ui = DashboardUIState()
        let nearOne = InputContext(published: TrainingSettings(density: 0.9, samples: 1, rejectQuantile: 0, schedule: .fixed),
                                   isPaused: false, layout: InputReducerTests.layout, savePath: "m", now: 0)
        #expect(effects("=", ui: &ui, context: nearOne).isEmpty)
        #expect(ui.notice?.text == "density must stay inside (0, 1)")
    }

    @Test func samplesHalveDownToOneAndDouble() {
        var ui = DashboardUIState()
        #expect(effects(">", ui: &ui) == [.send(.setSamples(256))])
        var other = DashboardUIState()
        #expect(effects(String(repeating: "<", count: 10), ui: &other).last == .send(.setSamples(1)))
    }

    @Test func scheduleCycles() {
        var ui = DashboardUIState()
        #expect(effects("aa", ui: &ui) == [.send(.setSchedule(.fixed)), .send(.setSchedule(.paper))])
    }

    @Test func quickPressesAddUpBeforeTheSessionCatchesUp() {
        var ui = DashboardUIState()
        #expect(effects("]]", ui: &ui) == [.send(.setRejectQuantile(0.55)), .send(.setRejectQuantile(0.6))])
    }

    @Test func stalePendingSettingsGiveWayToPublishedOnes() {
        var ui = DashboardUIState()
        _ = effects("]]", ui: &ui)
        let later = InputReducerTests.context(now: 100 + PendingSettings.lifetime)
        #expect(effects("]", ui: &ui, context: later) == [.send(.setRejectQuantile(0.55))])
    }
}
