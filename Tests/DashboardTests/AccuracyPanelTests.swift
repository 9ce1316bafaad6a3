@testable import Dashboard
import NoiseStep
import Testing

@Suite struct AccuracyPanelTests {
    private func render(_ state: SessionState, ghost: HistorySeries? = nil, width: Int = 50, height: Int = 10) -> String {
        Fixtures.render(width: width, height: height) { canvas, rect in
            AccuracyPanel.draw(AccuracyPanel.collect(state, series: HistorySeries(state.history), ghost: ghost,
                                                     ui: DashboardUIState(), width: rect.width),
                               in: &canvas, rect: rect, focused: false)
        }
    }

    /// Batch as a line, validation as ◆ markers, on an axis zoomed to where the values are.
    @Test func batchLineValidationMarkersAndAZoomedAxis() {
        #expect(render(Fixtures.state(steps: 40)) == #"""
            ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ───┐
            │   90% ┤                                   ⢀⡠⠔⠒⠊│
            │       │                             ⢀⣀⡠⠔⠊⠉◆   ◆│
            │       │                        ⢀⡠⠤◆⠊⠁ ◆        │
            │   53% ┤                   ⣀⠤⠔⠒◆⠁               │
            │       │             ⣀⠤◆⠒⠉⠉◆                    │
            │       │        ⣀⠤⠒◆⠉                           │
            │  ≤15% ┤▼▼▼◆⠤⠒⠉◆                                │
            │       └1                                step 40│
            └────────────────────────────1───────────────────┘
            """#)
    }

    @Test func aComparedRunIsDrawnBehindAlongTheLongerAxis() {
        let ghost = HistorySeries(Fixtures.history(steps: 80))
        #expect(render(Fixtures.state(steps: 40), ghost: ghost) == #"""
            ┌ accuracy  batch ⠤ 90.0%  validation ◆ 80.0% ───┐
            │   90% ┤                 ⢀⠔⠊               ⣀⡠⠔⠒⠉│
            │       │              ⢀⡠⠊◆ ◆         ⢀⣀⠤⠒⠊⠉     │
            │       │            ⡠◆⠁◆        ⣀⡠⠔⠒⠉⠁          │
            │   53% ┤         ⢀⠔◆      ⢀⣀⠤⠒⠊⠉                │
            │       │      ⢀◆⠊◆   ⣀⡠⠔⠒⠉⠁                     │
            │       │    ⡠◆⠁⢀⣀⠤⠔⠊⠉                           │
            │  ≤15% ┤▼◆▼◆⠤⠒⠉⠁                                │
            │       └1                                step 80│
            └──────────────────1─────────────────────────────┘
            """#)
    }

    @Test func theAxisSpansFromTheTenthPercentileToTheTopInFivePointSteps() {
        let late: [Double?] = [0.1, 0.5] + Array(repeating: 0.91, count: 20) + [0.93]
        let zoom = AccuracyPanel.zoomedRange(late)
        #expect(abs(zoom.range.lowerBound - 0.85) < 1e-9 && abs(zoom.range.upperBound - 0.95) < 1e-9)
        #expect(zoom.clipped)
        let flat = AccuracyPanel.zoomedRange([0.5, 0.5, nil])
        #expect(abs(flat.range.upperBound - flat.range.lowerBound - AccuracyPanel.minimumSpan) < 1e-9)
        #expect(!flat.clipped)
        #expect(AccuracyPanel.zoomedRange([nil]).range == 0 ... 1)
    }

    @Test func currentValidationIsTheLastMeasured() {
        let state = Fixtures.state(steps: 42)
        let content = AccuracyPanel.collect(state, series: HistorySeries(state.history), ghost: nil,
                                            ui: DashboardUIState(), width: 50)
        #expect(content.currentBatch == 0.9)
        let expected = 0.1 + 0.7 * 39.0 / 41.0
        #expect(content.currentValidation == MeasuredValue(step: 40, value: expected))
    }
}
