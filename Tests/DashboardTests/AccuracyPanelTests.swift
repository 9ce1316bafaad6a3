@testable import Dashboard
import Testing

@Suite struct AccuracyPanelTests {
    @Test func batchAndValidationCurvesOnAFixedAxis() {
        let state = Fixtures.state(steps: 40)
        let text = Fixtures.render(width: 50, height: 9) { canvas, rect in
            AccuracyPanel.draw(AccuracyPanel.collect(state, series: HistorySeries(state.history), ui: DashboardUIState(),
                                                     width: rect.width), in: &canvas,
                               rect: rect, focused: false)
        }
        #expect(text == """
        ┌ accuracy  batch 90.0%  validation 80.0% ───────┐
        │  100% ┤                                     ⢀⣀⡠│
        │       │                            ⢀⣀⣀⡠⠤⣔⣒⠮⠭⠥⠒⠒│
        │   60% ┤                    ⣀⣀⣠⣤⣔⣒⠮⠭⠥⠒⠒⠉⠉       │
        │       │            ⣀⣀⣤⣤⡲⠶⠝⠛⠊⠉⠁                 │
        │       │   ⣀⣀⡤⠤⠶⠖⠛⠋⠉⠉⠁                          │
        │    0% ┤⠒⠉⠉                                     │
        │       └1                                step 40│
        └────────────────────────────────────────────────┘
        """)
    }

    @Test func currentValidationIsTheLastMeasured() {
        let state = Fixtures.state(steps: 42)
        let content = AccuracyPanel.collect(state, series: HistorySeries(state.history), ui: DashboardUIState(), width: 50)
        #expect(content.currentBatch == 0.9)
        #expect(content.currentValidation == 0.1 + 0.7 * 39 / 41)
    }
}
