@testable import Dashboard
import NoiseStep
import Testing

@Suite struct LossPanelTests {
    private func render(_ ui: DashboardUIState, focused: Bool = false, steps: Int = 40, ghost: HistorySeries? = nil) -> String {
        let state = Fixtures.state(steps: steps)
        return Fixtures.render(width: 50, height: 9) { canvas, rect in
            LossPanel.draw(LossPanel.collect(state, series: HistorySeries(state.history), ghost: ghost, ui: ui,
                                             width: rect.width), in: &canvas, rect: rect, focused: focused)
        }
    }

    /// The density drop after step 20 is marked ▴ under the step where it took effect.
    @Test func linearLossCurveWithTheSettingChangeMarked() {
        #expect(render(DashboardUIState()) == #"""
            ┌ loss 0.500  linear ────────────────────────────┐
            │  2.30 ┤⠑⠒⠢⠤⢄⡀                                  │
            │       │     ⠈⠉⠑⠒⠢⠤⢄⡀                           │
            │  1.58 ┤            ⠈⠉⠑⠒⠢⢄⣀⣀                    │
            │       │                    ⠉⠉⠒⠤⠤⣀⣀             │
            │       │                           ⠉⠒⠒⠤⠤⣀⣀      │
            │ 0.500 ┤                                  ⠉⠒⠒⠤⠤⣀│
            │       └1                                step 40│
            └────────────────────────────1───────────────────┘
            """#)
    }

    @Test func logScaleAndSmoothingWithFocus() {
        var ui = DashboardUIState()
        ui.logScale = true
        ui.smoothing = .light
        #expect(render(ui, focused: true) == #"""
            ┌▸ loss 0.500  ema 10 0.678  log ────────────────┐
            │  2.30 ┤⠉⠙⠓⠒⠲⠶⠶⢦⣤⣤⣄⣀⣀⡀                          │
            │       │          ⠈⠉⠑⠚⠛⠫⠵⢖⣒⣒⠤⠤⣀⣀                │
            │  1.25 ┤                    ⠉⠉⠒⠒⠭⠭⣒⠒⠤⠤⣀         │
            │       │                           ⠉⠉⠒⠤⣉⣉⠒⠤⣀    │
            │       │                                 ⠉⠒⠤⣉⠉⠒⠤│
            │ 0.500 ┤                                     ⠉⠢⣀│
            │       └1                                step 40│
            └────────────────────────────1───────────────────┘
            """#)
    }

    @Test func aComparedRunIsDrawnBehind() {
        let ghost = HistorySeries(Fixtures.history(steps: 40))
        #expect(render(DashboardUIState(), steps: 20, ghost: ghost) == #"""
            ┌ loss 0.500  ⠤ compared run 1.42 (Δ −0.923) ────┐
            │  2.30 ┤⠑⠲⢦⠤⢄⡀                                  │
            │       │   ⠑⠢⢌⡉⠑⠒⠢⠤⢄⡀                           │
            │  1.58 ┤      ⠈⠑⢄⡀  ⠈⠉⠑⠒⠢⢄⣀⣀                    │
            │       │         ⠈⠑⠢⡀       ⠉⠉⠒⠤⠤⣀⣀             │
            │       │            ⠈⠑⠢⢄⡀          ⠉⠒⠒⠤⠤⣀⣀      │
            │ 0.500 ┤                ⠈⠢⢄⡀              ⠉⠒⠒⠤⠤⣀│
            │       └1                                step 40│
            └────────────────────────────────────────────────┘
            """#)
    }

    /// A log axis stays named where a compared run's figures make way (80 × 24 with `--compare`).
    @Test func aLogAxisIsNamedBeforeAComparedRunsFigures() {
        var ui = DashboardUIState()
        ui.logScale = true
        ui.plotView = PlotView(span: 16, end: nil)
        let ghost = HistorySeries(Fixtures.history(steps: 40))
        let title = render(ui, steps: 20, ghost: ghost).split(separator: "\n")[0]
        #expect(title.hasPrefix("┌ loss 0.500  last 16 steps  log ─"), "\(title)")
    }

    @Test func beforeTheFirstStep() {
        #expect(render(DashboardUIState(), steps: 0) == #"""
            ┌ loss  linear ──────────────────────────────────┐
            │                                                │
            │                                                │
            │                                                │
            │           waiting for the first step           │
            │                                                │
            │                                                │
            │                                                │
            └────────────────────────────────────────────────┘
            """#)
    }

    @Test func longHistoriesAreFittedToTheWidth() {
        let state = Fixtures.state(steps: 5000)
        let content = LossPanel.collect(state, series: HistorySeries(state.history), ghost: nil, ui: DashboardUIState(),
                                        width: 50)
        #expect(content.points.count == BraillePlot.dotColumns(width: 48))
        #expect(content.steps == 1 ... 5000)
        #expect(content.marks.count == 1)
        #expect(content.marks[0].number == 1 && abs(content.marks[0].fraction - 20.0 / 4999) < 1e-12)
    }
}
