@testable import Dashboard
import Testing

@Suite struct PredictionPanelTests {
    private func render(_ ui: DashboardUIState) -> String {
        Fixtures.render(width: 58, height: 7) { canvas, rect in
            PredictionPanel.draw(PredictionPanel.collect(ui), in: &canvas, rect: rect)
        }
    }

    private let prediction = PadPrediction(probabilities: [0.01, 0.02, 0.03, 0.6, 0.04, 0.1, 0.05, 0.05, 0.05, 0.05],
                                           step: 42)

    @Test func tenBarsWithTheTopClassHighlighted() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        #expect(render(ui) == """
        ┌ prediction 3 (60.0%)  step 42 ─────────────────────────┐
        │                                                        │
        │                   ▆▆▆                                  │
        │              ▁▁▁  ███  ▁▁▁  ▂▂▂  ▁▁▁  ▁▁▁  ▁▁▁  ▁▁▁    │
        │     0    1    2    3    4    5    6    7    8    9     │
        │     1%   2%   3%  60%   4%  10%   5%   5%   5%   5%    │
        └────────────────────────────────────────────────────────┘
        """)
    }

    @Test func validationImageShowsTheTrueLabelAndTheVerdict() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        ui.padSource = .validation(index: 17, label: 5)
        #expect(render(ui) == """
        ┌ prediction 3 (60.0%)  true 5 ✗ wrong  step 42 ─────────┐
        │                                                        │
        │                   ▆▆▆                                  │
        │              ▁▁▁  ███  ▁▁▁  ▂▂▂  ▁▁▁  ▁▁▁  ▁▁▁  ▁▁▁    │
        │     0    1    2    3    4    5    6    7    8    9     │
        │     1%   2%   3%  60%   4%  10%   5%   5%   5%   5%    │
        └────────────────────────────────────────────────────────┘
        """)
        ui.padSource = .validation(index: 17, label: 3)
        #expect(render(ui).hasPrefix("┌ prediction 3 (60.0%)  true 3 ✓ right  step 42 ─"))
    }

    @Test func emptyPadShowsNoPrediction() {
        #expect(render(DashboardUIState()) == """
            ┌ prediction ────────────────────────────────────────────┐
            │                                                        │
            │                                                        │
            │    draw a digit, or press r for a validation image     │
            │                                                        │
            │                                                        │
            └────────────────────────────────────────────────────────┘
            """)
    }
}
