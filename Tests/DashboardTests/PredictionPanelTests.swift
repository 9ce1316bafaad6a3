@testable import Dashboard
import NoiseStep
import Testing

@Suite struct PredictionPanelTests {
    private static let fashion = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                                  "Bag", "Ankle boot"]

    private func render(_ ui: DashboardUIState, width: Int = 46, height: Int = 12, names: [String]? = nil,
                        noun: String = "digit") -> String {
        var configuration = Fixtures.configuration
        if let names { configuration.classNames = names }
        configuration.classNoun = noun
        return Fixtures.render(width: width, height: height) { canvas, rect in
            PredictionPanel.draw(PredictionPanel.collect(ui, configuration: configuration), in: &canvas, rect: rect)
        }
    }

    private let prediction = PadPrediction(probabilities: [0.01, 0.02, 0.03, 0.6, 0.04, 0.1, 0.05, 0.05, 0.05, 0.05],
                                           step: 42)

    @Test func oneBarPerClassWithTheTopClassHighlighted() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        #expect(render(ui) == #"""
            ┌ prediction 3 60.0%  step 42 ───────────────┐
            │ 0 ▍··································   1% │
            │ 1 ▊··································   2% │
            │ 2 █··································   3% │
            │ 3 █████████████████████··············  60% │
            │ 4 █▍·································   4% │
            │ 5 ███▌·······························  10% │
            │ 6 █▊·································   5% │
            │ 7 █▊·································   5% │
            │ 8 █▊·································   5% │
            │ 9 █▊·································   5% │
            └────────────────────────────────────────────┘
            """#)
    }

    @Test func aWrongAnswerOnAValidationImageNamesTheTrueClass() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        ui.padSource = .validation(index: 17, label: 5, edited: false)
        let wrong = render(ui).split(separator: "\n")
        #expect(wrong[0] == "┌ prediction 3 60.0% ✗ wrong, true 5 ────────┐")
        #expect(wrong[6] == "│▸5 ███▌·······························  10% │")
        ui.padSource = .validation(index: 17, label: 3, edited: true)
        #expect(render(ui).hasPrefix("┌ prediction 3 60.0% ✓ right (edited) ───────┐"))
    }

    @Test func fashionNamesFitTheCompactPanel() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        ui.padSource = .validation(index: 17, label: 5, edited: false)
        #expect(render(ui, width: 30, names: Self.fashion, noun: "garment") == #"""
            ┌ prediction Dress 60.0% ✗ ──┐
            │ T-shirt/top ▏········   1% │
            │     Trouser ▏········   2% │
            │    Pullover ▎········   3% │
            │       Dress █████▍···  60% │
            │        Coat ▍········   4% │
            │▸     Sandal ▉········  10% │
            │       Shirt ▌········   5% │
            │     Sneaker ▌········   5% │
            │         Bag ▌········   5% │
            │  Ankle boot ▌········   5% │
            └────────────────────────────┘
            """#)
    }

    @Test func fewerRowsListTheMostProbableClasses() {
        var ui = DashboardUIState()
        ui.prediction = prediction
        #expect(render(ui, height: 5) == #"""
            ┌ prediction 3 60.0%  step 42 ───────────────┐
            │ 3 █████████████████████··············  60% │
            │ 5 ███▌·······························  10% │
            │ 6 █▊·································   5% │
            └────────────────────────────────────────────┘
            """#)
    }

    @Test func anEmptyPadSaysHowToFillIt() {
        #expect(render(DashboardUIState(), width: 30, noun: "garment") == #"""
            ┌ prediction ────────────────┐
            │                            │
            │                            │
            │                            │
            │    Tab or click to draw    │
            │    a garment; r shows a    │
            │      validation image      │
            │                            │
            │                            │
            │                            │
            │                            │
            └────────────────────────────┘
            """#)
    }
}
