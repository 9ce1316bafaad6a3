@testable import Dashboard
import NoiseStep
import Testing

@Suite struct SparsityPanelTests {
    @Test func overallAndPerLayerBarsAndHistory() {
        let state = Fixtures.state(steps: 40)
        let text = Fixtures.render(width: 50, height: 6) { canvas, rect in
            SparsityPanel.draw(SparsityPanel.collect(state, series: HistorySeries(state.history), width: rect.width), in: &canvas, rect: rect, focused: false)
        }
        #expect(text == """
        ┌ sparsity 32.1% of weights are 0 ───────────────┐
        │ all      █████████▋····················  32.1% │
        │ 784→4    █████████▌····················  31.8% │
        │ 4→10     ███████████████···············  50.0% │
        │ history  ▁▁▂▂▂▂▃▃▃▄▄▄▄▅▅▅▆▆▆▆▇▇▇██ 33.0%–34.0% │
        └────────────────────────────────────────────────┘
        """)
    }

    @Test func deepModelsListTheFirstLayersAndCountTheRest() {
        var state = Fixtures.state()
        state.model = TernaryModel(shape: ModelShape(widths: [784, 8, 8, 8, 8, 8, 8, 8, 10]))
        let content = SparsityPanel.collect(state, series: HistorySeries(), width: 50)
        #expect(content.rows.map(\.label) == ["all", "784→8", "8→8", "8→8", "8→8", "8→8"])
        #expect(content.hiddenLayers == 3)
        #expect(SparsityPanel.height(layerCount: 8) == 2 + 1 + 6 + 1)
    }
}
