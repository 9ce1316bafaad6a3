@testable import Dashboard
import Testing

@Suite struct LossPanelTests {
    private func render(_ ui: DashboardUIState, focused: Bool = false, steps: Int = 40) -> String {
        let state = Fixtures.state(steps: steps)
        return Fixtures.render(width: 50, height: 9) { canvas, rect in
            LossPanel.draw(LossPanel.collect(state, series: HistorySeries(state.history), ui: ui, width: rect.width), in: &canvas, rect: rect, focused: focused)
        }
    }

    @Test func linearLossCurveWithCurrentValue() {
        #expect(render(DashboardUIState()) == """
            ┌ loss 0.500  linear ────────────────────────────┐
            │  2.30 ┤⠑⠒⠢⠤⢄⡀                                  │
            │       │     ⠈⠉⠑⠒⠢⠤⢄⡀                           │
            │  1.58 ┤            ⠈⠉⠑⠒⠢⢄⣀⣀                    │
            │       │                    ⠉⠉⠒⠤⠤⣀⣀             │
            │       │                           ⠉⠒⠒⠤⠤⣀⣀      │
            │ 0.500 ┤                                  ⠉⠒⠒⠤⠤⣀│
            │       └1                                step 40│
            └────────────────────────────────────────────────┘
            """)
    }

    @Test func logScaleAndSmoothingWithFocus() {
        var ui = DashboardUIState()
        ui.logScale = true
        ui.smoothing = true
        #expect(render(ui, focused: true) == """
            ┌▸ loss 0.500  smoothed 1.26  log · ema ─────────┐
            │  2.30 ┤⠉⠉⠉⠉⠑⠒⠒⠒⠢⠤⠤⢄⣀⣀⡀                         │
            │       │              ⠈⠉⠑⠒⠢⠤⣀⣀                  │
            │  1.81 ┤                      ⠉⠉⠒⠤⣀⣀            │
            │       │                            ⠉⠒⠤⣀        │
            │       │                                ⠉⠉⠒⢄    │
            │  1.26 ┤                                    ⠉⠒⠤⣀│
            │       └1                                step 40│
            └────────────────────────────────────────────────┘
            """)
    }

    @Test func beforeTheFirstStep() {
        #expect(render(DashboardUIState(), steps: 0) == """
            ┌ loss  linear ──────────────────────────────────┐
            │                                                │
            │                                                │
            │                                                │
            │          waiting for the first step…           │
            │                                                │
            │                                                │
            │                                                │
            └────────────────────────────────────────────────┘
            """)
    }

    @Test func longHistoriesAreFittedToTheWidth() {
        let state = Fixtures.state(steps: 5000)
        let content = LossPanel.collect(state, series: HistorySeries(state.history), ui: DashboardUIState(), width: 50)
        #expect(content.points.count == BraillePlot.dotColumns(width: 48))
        #expect(content.steps == 1 ... 5000)
    }
}
