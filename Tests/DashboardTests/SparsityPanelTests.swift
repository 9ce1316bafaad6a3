@testable import Dashboard
import NoiseStep
import Testing

@Suite struct SparsityPanelTests {
    private func render(_ state: SessionState, width: Int = 50, height: Int = 6) -> String {
        Fixtures.render(width: width, height: height) { canvas, rect in
            SparsityPanel.draw(SparsityPanel.collect(state, series: HistorySeries(state.history), width: rect.width),
                               in: &canvas, rect: rect, focused: false)
        }
    }

    @Test func overallAndPerLayerBarsAndAnHonestHistory() {
        #expect(render(Fixtures.state(steps: 40)) == #"""
            ┌ sparsity 32.1% of weights are 0 ───────────────┐
            │ all      █████████▋····················  32.1% │
            │ 784→4    █████████▌····················  31.8% │
            │ 4→10     ███████████████···············  50.0% │
            │ history  ▄▄▄▄▄▄▄▄▄▄▄▄▄▄▅▅▅▅▅▅▅▅▅▅▅▅▅▅  28%–38% │
            └────────────────────────────────────────────────┘
            """#)
    }

    @Test func inFourRowsTheWholeModelAndItsHistory() {
        #expect(render(Fixtures.state(steps: 40), width: 30, height: 4) == #"""
            ┌ sparsity 32.1% ────────────┐
            │ all      ███▎······  32.1% │
            │ history  ▄▄▄▄▅▅▅▅  28%–38% │
            └────────────────────────────┘
            """#)
    }

    /// A change of a point is drawn on a ten-point scale: it moves the line a little, not
    /// from the bottom to the top.
    @Test func theHistoryScaleIsAtLeastTenPointsTall() {
        let range = SparsityPanel.historyRange([0.331, 0.333, nil, 0.341])
        #expect(range.map { abs($0.upperBound - $0.lowerBound - 0.1) < 1e-9 } == true)
        #expect(range.map { $0.contains(0.331) && $0.contains(0.341) } == true)
        #expect(SparsityPanel.historyRange([0.02, 0.03]) == 0 ... 0.1, "kept inside 0...1")
        let wide = SparsityPanel.historyRange([0.1, 0.6])
        #expect(wide.map { abs($0.lowerBound - 0.1) < 1e-9 && abs($0.upperBound - 0.6) < 1e-9 } == true)
        #expect(SparsityPanel.historyRange([nil]) == nil)
    }

    @Test func everyLayerHasARow() {
        var state = Fixtures.state()
        state.model = TernaryModel(shape: ModelShape(widths: [784, 8, 8, 8, 10]))
        let content = SparsityPanel.collect(state, series: HistorySeries(), width: 50)
        #expect(content.rows.map(\.label) == ["all", "784→8", "8→8", "8→8", "8→10"])
    }
}
