@testable import Dashboard
import NoiseStep
import Testing

/// The panels of the large arrangement and the image the model sees.
@Suite struct LargePanelTests {
    @Test func theModelSeesTheCroppedCentredDrawing() {
        var ui = DashboardUIState()
        ui.pad.stroke(from: PadPoint(x: 3, y: 3), to: PadPoint(x: 9, y: 9))
        ui.prediction = PadPrediction.compute(pad: ui.pad, source: .drawing, model: Fixtures.seededModel, encoding: .gray,
                                              calibration: PadCalibration(temperature: 8), step: 1)
        let text = Fixtures.render(width: 16, height: 14) { canvas, rect in
            SeesPanel.draw(SeesPanel.collect(ui), in: &canvas, rect: rect)
        }
        #expect(text == #"""
            ┌ model sees ──┐
            │              │
            │   ⣤⣤         │
            │   ⠛⣿⣿⣤       │
            │     ⠛⣿⣿⣤     │
            │       ⠛⣿⣿⣤   │
            │         ⠛⠛   │
            │              │
            │              │
            │ cropped,     │
            │ scaled to 20 │
            │ px, centred  │
            │ like MNIST   │
            └──────────────┘
            """#)
    }

    @Test func classesShowTheConfusionMatrixAndEachClassesAccuracy() {
        let text = Fixtures.render(width: 62, height: 13) { canvas, rect in
            ClassesPanel.draw(ClassesPanel.collect(Fixtures.state(steps: 40), configuration: Fixtures.configuration),
                              in: &canvas, rect: rect)
        }
        #expect(text == #"""
            ┌ validation by class  88.0%  440/500  step 40 ──────────────┐
            │     0  1  2  3  4  5  6  7  8  9    acc                    │
            │ 0  45  5  ·  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
            │ 1   · 45  5  ·  ·  ·  ·  ·  ·  ·  90.0%                    │
            │ 2   ·  · 45  5  ·  ·  ·  ·  ·  ·  90.0%                    │
            │ 3   ·  ·  · 35  5 10  ·  ·  ·  ·  70.0%                    │
            │ 4   ·  ·  ·  · 45  5  ·  ·  ·  ·  90.0%                    │
            │ 5   ·  ·  ·  ·  · 45  5  ·  ·  ·  90.0%                    │
            │ 6   ·  ·  ·  ·  ·  · 45  5  ·  ·  90.0%                    │
            │ 7   ·  ·  ·  ·  ·  ·  · 45  5  ·  90.0%                    │
            │ 8   ·  ·  ·  ·  ·  ·  ·  · 45  5  90.0%                    │
            │ 9   5  ·  ·  ·  ·  ·  ·  ·  · 45  90.0%                    │
            └────────────────────────────────────────────────────────────┘
            """#)
    }

    @Test func classNamesWhenTheyFit() {
        var configuration = Fixtures.configuration
        configuration.classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker",
                                    "Bag", "Ankle boot"]
        let text = Fixtures.render(width: 62, height: 13) { canvas, rect in
            ClassesPanel.draw(ClassesPanel.collect(Fixtures.state(steps: 40), configuration: configuration),
                              in: &canvas, rect: rect)
        }
        #expect(text.split(separator: "\n")[4] == "│    Pullover   ·  · 45  5  ·  ·  ·  ·  ·  ·  90.0%          │")
    }

    @Test func fieldsShowEachUnitsWeightsInThreeShades() {
        var weights = [Int8](repeating: 0, count: Fixtures.seededModel.shape.parameterCount)
        // Unit 0: +1 on the top half, −1 on the bottom half; unit 1: all 0.
        for pixel in 0 ..< 784 { weights[pixel] = pixel < 392 ? 1 : -1 }
        var state = Fixtures.state(steps: 1)
        state.model = TernaryModel(shape: Fixtures.seededModel.shape, flatParameters: weights)
        let text = Fixtures.render(width: 32, height: 10) { canvas, rect in
            FieldsPanel.draw(FieldsPanel.collect(state, rect: rect), in: &canvas, rect: rect)
        }
        #expect(text == #"""
            ┌ first layer's weights ───────┐
            │██████████████                │
            │██████████████                │
            │██████████████                │
            │                              │
            │▒▒▒▒▒▒▒▒▒▒▒▒▒▒                │
            │▒▒▒▒▒▒▒▒▒▒▒▒▒▒                │
            │▒▒▒▒▒▒▒▒▒▒▒▒▒▒                │
            │            #0             #1 │
            └──────────────────────────────┘
            """#)
    }

    /// A convolution's 3 × 3 filters drawn whole, a weight two cells wide.
    @Test func fieldsShowAConvolutionsFiltersWhole() throws {
        let shape = ModelShape(input: .image, layers: try LayerKinds.parse("conv 2 3, pool 2, dense 10"))
        var weights = [Int8](repeating: 0, count: shape.parameterCount)
        weights[0 ..< 9] = [1, 0, -1, 1, 0, -1, 1, 1, 1]  // filter 0; filter 1 all 0
        var state = Fixtures.state(steps: 1)
        state.model = TernaryModel(shape: shape, flatParameters: weights)
        let text = Fixtures.render(width: 32, height: 10) { canvas, rect in
            FieldsPanel.draw(FieldsPanel.collect(state, rect: rect), in: &canvas, rect: rect)
        }
        #expect(text == #"""
            ┌ first layer's weights ───────┐
            │██  ▒▒                        │
            │██  ▒▒                        │
            │██████                        │
            │                              │
            │                              │
            │                              │
            │                              │
            │            #0             #1 │
            └──────────────────────────────┘
            """#)
    }

    @Test func timelineFollowsTheLossPlotsAxis() {
        let state = Fixtures.state(steps: 40)
        let text = Fixtures.render(width: 50, height: 5) { canvas, rect in
            TimelinePanel.draw(TimelinePanel.collect(state, series: HistorySeries(state.history), ghost: nil, ui: DashboardUIState(),
                                                     width: rect.width), in: &canvas, rect: rect)
        }
        #expect(text == #"""
            ┌ settings  density 1.50e-05  quantile 0.50 ─────┐
            │ dens. │████████████████████▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁│
            │quant. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅│
            │ samp. │▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅▅│
            └────────────────────────────1───────────────────┘
            """#)
    }

    /// A key's quantile step of 0.05 shows on the timeline (on a 0–1 scale it did not).
    @Test func aQuantileKeyShowsOnTheTimeline() {
        var state = Fixtures.state(steps: 40)
        var history = RunHistory()
        for var record in Fixtures.records(steps: 40) {
            record.settings.rejectQuantile = record.step <= 30 ? 0.5 : 0.55
            history.append(record)
        }
        state.history = history
        let text = Fixtures.render(width: 50, height: 5) { canvas, rect in
            TimelinePanel.draw(TimelinePanel.collect(state, series: HistorySeries(history), ghost: nil, ui: DashboardUIState(),
                                                     width: rect.width), in: &canvas, rect: rect)
        }
        let row = text.split(separator: "\n")[2]
        #expect(row.contains("▁▁▁▁") && row.contains("████"), "\(text)")
    }
}
