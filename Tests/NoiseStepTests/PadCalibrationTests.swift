@testable import NoiseStep
import Testing

@Suite struct PadCalibrationTests {
    /// Logits twice as spread as the truth wants: the fit finds the temperature that
    /// undoes it (the lowest negative log-likelihood on the grid).
    @Test func theFitFindsTheTemperatureOfTheData() {
        // Class 0 right 3 times in 4 at logits (2, 0): softmax(2/T) = 0.75 at T = 2 / ln 3 ≈ 1.82.
        let logits: [[Float]] = Array(repeating: [2, 0], count: 4)
        let labels = [0, 0, 0, 1]
        let best = PadCalibration.bestTemperature(logits, labels)
        #expect(best > 1.6 && best < 2.1, "\(best)")
        let fit = PadCalibration.fit(clean: logits, cleanLabels: labels, drawn: [[4, 0], [0, 4]], drawnLabels: [0, 1])
        #expect(fit.cleanTemperature == best)
        #expect(fit.drawnTemperature == PadCalibration.temperatures.first, "always right: the sharpest")
        #expect(fit.lowestTypicalLogit == 2)
    }

    /// The low-evidence line is the 5th percentile of the clean digits' top logits: of
    /// 100 clean images with tops 1…100 (in any order), the sixth lowest, 6.
    @Test func theLowestTypicalLogitIsTheFifthPercentileOfTheCleanTops() {
        let tops = (1 ... 100).map { Float($0) }.shuffled()
        let clean = tops.map { [$0, 0] }
        let fit = PadCalibration.fit(clean: clean, cleanLabels: Array(repeating: 0, count: 100),
                                     drawn: [], drawnLabels: [])
        #expect(fit.lowestTypicalLogit == 6)
    }

    /// Unsure: little evidence (a top logit below the clean digits'), ink far wider than
    /// tall, or a filled blot; a plain upright stroke is none of these.
    @Test func unsureReasons() {
        let calibration = PadCalibration(cleanTemperature: 4, drawnTemperature: 6, lowestTypicalLogit: 10)
        func image(rows: ClosedRange<Int>, columns: ClosedRange<Int>, every: Int = 1) -> [UInt8] {
            (0 ..< 784).map { rows.contains($0 / 28) && columns.contains($0 % 28) && ($0 % 28) % every == 0 ? 255 : 0 }
        }
        let stroke = image(rows: 4 ... 23, columns: 13 ... 15)
        #expect(calibration.reading(logits: [20, 0], image: stroke, kind: .drawn).unsure == nil)
        #expect(calibration.reading(logits: [5, 0], image: stroke, kind: .drawn).unsure == .littleEvidence)
        #expect(calibration.reading(logits: [20, 0], image: image(rows: 13 ... 15, columns: 4 ... 23), kind: .drawn).unsure
            == .shape)
        #expect(calibration.reading(logits: [20, 0], image: image(rows: 4 ... 23, columns: 4 ... 23), kind: .drawn).unsure
            == .shape)
        let reading = calibration.reading(logits: [20, 0], image: stroke, kind: .clean)
        #expect(reading.probabilities == TernaryModel.softmax([20, 0], temperature: 4))
    }

    /// Non-digit drawings are deterministic, one of each shape in turn, all with ink.
    @Test func nonDigitsAreDeterministicDrawings() {
        let first = NonDigits.dataset(count: 24), again = NonDigits.dataset(count: 24)
        #expect(first.pixels == again.pixels)
        #expect(NonDigits.dataset(count: 24, seed: 1).pixels != first.pixels)
        for index in 0 ..< 24 { #expect(first.image(index).contains { $0 > 0 }, "\(NonDigits.shapeNames[index % 12])") }
    }
}
