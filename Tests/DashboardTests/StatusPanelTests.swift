@testable import Dashboard
import NoiseStep
import Testing

@Suite struct StatusPanelTests {
    private func render(_ state: SessionState, ui: DashboardUIState) -> String {
        Fixtures.render(width: 100, height: 3) { canvas, rect in
            StatusPanel.draw(StatusPanel.collect(state, ui: ui, configuration: Fixtures.configuration), in: &canvas,
                             status: rect.top(2), message: rect.droppingTop(2))
        }
    }

    @Test func pausedWithPadFocusAndAMessage() {
        var ui = DashboardUIState()
        ui.focus = .pad
        let state = Fixtures.state(steps: 40, paused: true, event: .saved(path: "runs/r.nstep", step: 40))
        #expect(render(state, ui: ui) == """
        noisestep  PAUSED   step 40  12.5 steps/s  elapsed 1:02:05                           focus pad (Tab)
        density 6.00e-05  samples 128  reject quantile 0.50  schedule paper  alignment forward  seed 7
        saved: runs/r.nstep holds steps 1...40 and their weights                              ? help  q quit
        """)
    }

    @Test func beforeTheFirstStepTheConfigurationNamesAlignmentAndSeed() {
        let text = render(Fixtures.state(), ui: DashboardUIState())
        #expect(text == """
            noisestep  RUNNING   step 0  12.5 steps/s  elapsed 1:02:05                      focus training (Tab)
            density 6.00e-05  samples 128  reject quantile 0.50  schedule paper  alignment reverse  seed 3
            space pause · n step · [ ] quantile · - = density · < > samples · a schedule · s sav  ? help  q quit
            """)
    }

    @Test func aNoticeHidesTheSessionMessage() {
        var ui = DashboardUIState()
        ui.notify("density must stay inside (0, 1)", now: 0)
        let text = render(Fixtures.state(steps: 1, event: .reachedTarget(step: 1)), ui: ui)
        #expect(text.split(separator: "\n").last?.hasPrefix("density must stay inside (0, 1)") == true)
        ui.expireNotice(now: DashboardUIState.noticeLifetime)
        #expect(ui.notice == nil)
    }
}
