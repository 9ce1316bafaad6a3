@testable import Dashboard
import Testing

@Suite struct AcceptancePanelTests {
    @Test func keptAndChangedSparklinesWithCurrentValues() {
        let state = Fixtures.state(steps: 40)
        let text = Fixtures.render(width: 50, height: 4) { canvas, rect in
            AcceptancePanel.draw(AcceptancePanel.collect(state, series: HistorySeries(state.history), width: rect.width),
                                 in: &canvas, rect: rect, focused: false)
        }
        #expect(text == """
        ┌ perturbations  kept 64/128 (50.0%) ────────────┐
        │ kept     ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄▄      64/128 kept │
        │ changed  ▁▂▂▂▃▃▃▄▄▄▅▅▅▆▆▇▇▇██    1,234 weights │
        └────────────────────────────────────────────────┘
        """)
    }
}
