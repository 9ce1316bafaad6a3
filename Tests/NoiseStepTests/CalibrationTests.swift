import Testing
@testable import NoiseStep

@Suite struct CalibrationTests {
    /// ECE = Σ (bin share) · |accuracy − mean confidence|, worked by hand.
    @Test func expectedCalibrationErrorByHand() {
        var report = CalibrationReport(binCount: 10)
        // Bin 9 (0.9...1): confidences 0.95, 0.95, right once → accuracy 0.5, confidence 0.95.
        report.record(confidence: 0.95, correct: true)
        report.record(confidence: 0.95, correct: false)
        // Bin 5: 0.55, right → accuracy 1, confidence 0.55.
        report.record(confidence: 0.55, correct: true)
        // Bin 9 gets 1.0 too (the top edge belongs to the last bin): right.
        report.record(confidence: 1.0, correct: true)
        let expected = 3.0 / 4 * abs(2.0 / 3 - (0.95 + 0.95 + 1.0) / 3) + 1.0 / 4 * abs(1 - 0.55)
        #expect(abs(report.expectedCalibrationError - expected) < 1e-12)
        #expect(report.count == 4)
        #expect(CalibrationReport().expectedCalibrationError == 0)
    }

    /// One pass measures every temperature; each equals a pass of its own through the
    /// pad's probabilities.
    @Test func measuringSeveralTemperaturesMatchesOneAtATime() {
        let data = Fixtures.bands(count: 60, gray: true)
        let model = TernaryModel(shape: ModelShape(hidden: [16]), seed: 2)
        let reports = CalibrationReport.measure(model, on: data, encoding: .gray, temperatures: [1, 8])
        for (slot, temperature) in [1.0, 8].enumerated() {
            var single = CalibrationReport()
            for index in 0 ..< data.count {
                let probabilities = model.classProbabilities(pixels: data.image(index), encoding: .gray,
                                                             temperature: temperature)
                let top = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
                single.record(confidence: probabilities[top], correct: top == Int(data.labels[index]))
            }
            #expect(reports[slot] == single)
        }
        #expect(reports[0] != reports[1])
    }
}
