@testable import Dashboard
import NoiseStep
import Testing

@Suite struct AcceptancePanelTests {
    private func render(_ state: SessionState, width: Int, height: Int) -> String {
        Fixtures.render(width: width, height: height) { canvas, rect in
            AcceptancePanel.draw(AcceptancePanel.collect(state, series: HistorySeries(state.history), ui: DashboardUIState(), width: rect.width),
                                 in: &canvas, rect: rect, focused: false)
        }
    }

    /// The threshold and its history, the spread of |α| around it, and the weights changed.
    @Test func thresholdSpreadAndChanges() {
        #expect(render(Fixtures.state(steps: 40), width: 46, height: 9) == #"""
            ┌ acceptance, quantile 0.50 ─────────────────┐
            │ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▂▂▂▁         5.0e-4 │
            │             │██           α = 0: 44        │
            │             │██ ██        │ threshold      │
            │ ▂▂ ▃▃ ▅▅ ▆▆ │██ ██ ██ ▃▃  bins ×2 apart    │
            │   rejected       kept                      │
            │ changed  ▁▁▂▂▃▃▄▄▄▅▅▆▆▆▇▇██  1,234 weights │
            │ zeros    ▁▂▂▂▃▃▄▄▄▅▅▆▆▆▇▇██     34.0% +1.0 │
            └────────────────────────────────────────────┘
            """#)
    }

    @Test func compactInFiveRows() {
        #expect(render(Fixtures.state(steps: 40), width: 30, height: 5) == #"""
            ┌ acceptance, quantile 0.50 ─┐
            │                            │
            │                            │
            │                            │
            └────────────────────────────┘
            """#)
    }

    @Test func aRunOpenedFromALogHasNoSpreadUntilItsNextStep() {
        var state = Fixtures.state(steps: 40)
        state.snapshot = nil
        #expect(render(state, width: 46, height: 6) == #"""
            ┌ acceptance, quantile 0.50 ─────────────────┐
            │ |α| ≥    ██▇▇▇▆▆▆▅▅▄▄▄▃▂▂▂▁   after a step │
            │ |α| spread: after the next step            │
            │ changed  ▁▁▂▂▃▃▄▄▄▅▅▆▆▆▇▇██    400 weights │
            │ zeros    ▁▂▂▂▃▃▄▄▄▅▅▆▆▆▇▇██     34.0% +1.0 │
            └────────────────────────────────────────────┘
            """#)
    }
}
