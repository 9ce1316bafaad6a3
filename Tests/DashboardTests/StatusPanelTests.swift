@testable import Dashboard
import NoiseStep
import Testing

@Suite struct StatusPanelTests {
    private func render(_ state: SessionState, ui: DashboardUIState = DashboardUIState(), width: Int = 100) -> String {
        Fixtures.render(width: width, height: 3) { canvas, rect in
            StatusPanel.draw(StatusPanel.collect(state, ui: ui, configuration: Fixtures.configuration), in: &canvas,
                             status: rect.top(2), message: rect.droppingTop(2))
        }
    }

    @Test func runningShowsTheTargetABarAndTheTimeLeft() {
        #expect(render(Fixtures.state(steps: 750)) == #"""
             RUNNING   step 750/1,500 █████····· 50%  ETA 1:00  12.5 steps/s                focus training (Tab)
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
            space pause · n one step · [ ] quantile · z zoom · u undo · - = density               ? help  q quit
            """#)
    }

    @Test func atTheTargetSpaceContinuesAndTMovesTheTarget() {
        var ui = DashboardUIState()
        ui.focus = .pad
        #expect(render(Fixtures.state(steps: 40, paused: true, target: 40), ui: ui) == #"""
            noisestep  AT TARGET   step 40/40 ██████████ 100%  elapsed 1:02:05                   focus pad (Tab)
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
            drag or hjkl to draw · space paint · x erase · c clear · r validation image           ? help  q quit
            """#)
        ui.focus = .training
        #expect(render(Fixtures.state(steps: 40, paused: true, target: 40), ui: ui) == #"""
            noisestep  AT TARGET   step 40/40 ██████████ 100%  elapsed 1:02:05              focus training (Tab)
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
            space continue +1,500 · t target +1,500 · n one step · [ ] quantile · z zoom          ? help  q quit
            """#)
    }

    @Test func at80ColumnsTheLeastUsefulItemsGoWhole() {
        #expect(render(Fixtures.state(steps: 750), width: 80) == #"""
             RUNNING   step 750/1,500 █████····· 50%  ETA 1:00  12.5 steps/s
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
            space pause · n one step · [ ] quantile · z zoom · u undo         ? help  q quit
            """#)
    }

    /// At 80 columns a paced run still says so (its steps/s and ETA are the pace's); the
    /// reminder of `p` makes way first.
    @Test func at80ColumnsAPacedRunSaysSo() {
        var state = Fixtures.state(steps: 750)
        state.pace = 30
        #expect(render(state, width: 80).split(separator: "\n")[0]
            == " RUNNING   step 750/1,500 █████····· 50%  ETA 1:00  12.5 steps/s  paced")
        #expect(render(state).split(separator: "\n")[0].contains("paced (p: full speed)"))
    }

    @Test func aDensityKeySaysTheScheduleIsOff() {
        var ui = DashboardUIState()
        ui.densityOverridesSchedule = true
        var state = Fixtures.state(steps: 40)
        state.settings.schedule = .fixed
        #expect(render(state, ui: ui).split(separator: "\n")[1]
            == "density 1.50e-05 set by key, schedule off (a: on)  samples 128  quantile 0.50  alignment forward")
    }

    @Test func aNoticeTakesTheFirstWordingThatFitsThenExpires() {
        var ui = DashboardUIState()
        let state = Fixtures.state(steps: 40, event: .saved(path: "runs/20250101-120000-seed0.nstep", step: 40))
        ui.notice(event: state.event, number: state.eventNumber, now: 10, describe: { "\($0)" })
        #expect(render(state, ui: ui) == #"""
             RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s                  focus training (Tab)
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward  seed 7
            saved: runs/20250101-120000-seed0.nstep holds steps 1...40 and their weights          ? help  q quit
            """#)
        #expect(render(state, ui: ui, width: 80) == #"""
             RUNNING   step 40/1,500 ▎········· 3%  ETA 1:57  12.5 steps/s  elapsed 1:02:05
            density 1.50e-05 paper schedule  samples 128  quantile 0.50  alignment forward
            saved: runs/20250101-120000-seed0.nstep holds steps 1...40        ? help  q quit
            """#)
        ui.expireNotice(now: 10 + DashboardUIState.noticeLifetime - 0.1)
        #expect(ui.notice != nil)
        ui.expireNotice(now: 10 + DashboardUIState.noticeLifetime)
        #expect(ui.notice == nil)
        #expect(render(state, ui: ui).hasSuffix("u undo · - = density               ? help  q quit"), "the key hints come back")
    }

    @Test func eachEventIsShownOnce() {
        var ui = DashboardUIState()
        ui.notice(event: .notRecording, number: 3, now: 0, describe: { "\($0)" })
        ui.expireNotice(now: 100)
        ui.notice(event: .notRecording, number: 3, now: 100, describe: { "\($0)" })
        #expect(ui.notice == nil)
        ui.notice(event: .notRecording, number: 4, now: 100, describe: { "\($0)" })
        #expect(ui.notice?.text.contains("nothing to save") == true)
    }
}
