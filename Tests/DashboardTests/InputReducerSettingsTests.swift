@testable import Dashboard
import NoiseStep
import Testing

@Suite struct InputReducerSettingsTests {
    private func effects(_ keys: String, ui: inout DashboardUIState,
                         context: InputContext = InputReducerTests.context()) -> [DashboardEffect] {
        InputReducerTests.run(keys.map { .character($0) }, ui: &ui, context: context)
    }

    /// The command for the default settings with some changed.
    private func change(quantile: Double = 0.5, density: Double = 6e-5, samples: Int = 128,
                        schedule: DensitySchedule = .paper) -> DashboardEffect {
        .send(.change(StepSettings(density: density, samples: samples, rejectQuantile: quantile, schedule: schedule)))
    }

    @Test func quantileMovesInStepsOfFiveHundredthsAndStopsAtTheRulebooksLimits() {
        var ui = DashboardUIState()
        #expect(effects("]", ui: &ui) == [change(quantile: 0.55)])
        #expect(ui.notice?.text == "reject quantile 0.55 from the next step")
        #expect(effects("]]]]]]]]", ui: &ui).last == change(quantile: 0.95))
        #expect(effects("]", ui: &ui).isEmpty, "1 is outside [0, 1)")
        #expect(ui.notice?.text == "reject quantile stays within [0, 1): unchanged")
        var fresh = DashboardUIState()
        #expect(effects(String(repeating: "[", count: 12), ui: &fresh).last == change(quantile: 0))
        #expect(fresh.notice?.text == "reject quantile stays within [0, 1): unchanged")
    }

    /// On the run's quantile ramp, a quantile key would be undone at the next step, so it
    /// takes the quantile off the ramp, and says so once.
    @Test func quantileKeysTakeTheQuantileOffItsRamp() {
        var ramped = InputReducerTests.settings
        ramped.quantileSchedule = .ramp
        let context = InputContext(published: ramped, parameterCount: InputReducerTests.parameterCount, isPaused: false,
                                   layout: InputReducerTests.layout, now: 100, stepsDone: 40, targetStep: 1500, leg: 1500)
        var ui = DashboardUIState()
        #expect(effects("[", ui: &ui, context: context) == [change(quantile: 0.45)])
        #expect(ui.notice?.text == "reject quantile 0.45 from the next step; its ramp is off")
        #expect(effects("[", ui: &ui, context: context) == [change(quantile: 0.4)])
        #expect(ui.notice?.text == "reject quantile 0.40 from the next step")
    }

    /// `m` switches what the quantile ranks, and back.
    @Test func mSwitchesTheKeepRanking() {
        var ui = DashboardUIState()
        var reliability = InputReducerTests.settings
        reliability.keepBy = .reliability
        #expect(effects("m", ui: &ui) == [.send(.change(reliability))])
        #expect(ui.notice?.text == "keep by reliability: the quantile ranks |α| / its standard error")
        #expect(effects("m", ui: &ui) == [.send(.change(InputReducerTests.settings))])
        #expect(ui.notice?.text == "keep by magnitude: the quantile ranks |α|")
    }

    /// Under the paper schedule the schedule would undo a density key at the next step,
    /// so the key fixes the schedule too, and says so.
    @Test func densityKeysFixTheScheduleUntilATurnsItBackOn() {
        var ui = DashboardUIState()
        #expect(effects("=", ui: &ui) == [change(density: 7.5e-5, schedule: .fixed)])
        #expect(ui.densityOverridesSchedule)
        #expect(ui.notice?.text == "density 7.50e-05 from the next step; schedule off until a")
        #expect(effects("-", ui: &ui) == [change(density: 6e-5, schedule: .fixed)])
        #expect(ui.notice?.text == "density 6.00e-05 from the next step")
        #expect(effects("a", ui: &ui) == [change(density: 6e-5, schedule: .paper)])
        #expect(!ui.densityOverridesSchedule)
        #expect(ui.notice?.text == "paper schedule on: the density now falls with the loss")
    }

    @Test func densityStopsWhereAStepWouldDrawTooManyEntries() {
        var ui = DashboardUIState()
        // 128 samples × 269,322 parameters: the 2^20 entries a step may draw are reached
        // near density 0.0304, long before density 1.
        let sent = effects(String(repeating: "=", count: 60), ui: &ui)
        guard case .send(.change(let last)) = sent.last else { Issue.record("no change sent"); return }
        #expect(last.density * 128 * 269_322 <= Double(Limits.maxPerturbationEntries))
        #expect(last.density * 1.25 * 128 * 269_322 > Double(Limits.maxPerturbationEntries))
        #expect(ui.notice?.text == "samples × density over 1,048,576 entries a step: unchanged")
    }

    @Test func samplesHalveDownToOneAndDoubleUpToTheLimit() {
        var ui = DashboardUIState()
        #expect(effects(">", ui: &ui) == [change(samples: 256)])
        var other = DashboardUIState()
        #expect(effects(String(repeating: "<", count: 10), ui: &other).last == change(samples: 1))
        #expect(other.notice?.text == "samples stays within 1...65536: unchanged")
        var many = DashboardUIState()
        #expect(effects(String(repeating: ">", count: 12), ui: &many).last == change(samples: 32_768))
        #expect(many.notice?.text == "samples × density over 1,048,576 entries a step: unchanged")
    }

    @Test func scheduleCycles() {
        var ui = DashboardUIState()
        #expect(effects("aa", ui: &ui) == [change(schedule: .fixed), change(schedule: .paper)])
    }

    @Test func quickPressesAddUpBeforeTheSessionCatchesUp() {
        var ui = DashboardUIState()
        #expect(effects("]]", ui: &ui) == [change(quantile: 0.55), change(quantile: 0.6)])
    }

    @Test func stalePendingSettingsGiveWayToPublishedOnes() {
        var ui = DashboardUIState()
        _ = effects("]]", ui: &ui)
        let later = InputReducerTests.context(now: 100 + PendingSettings.lifetime)
        #expect(effects("]", ui: &ui, context: later) == [change(quantile: 0.55)])
    }
}
