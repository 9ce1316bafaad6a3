@testable import Dashboard
import NoiseStep
import Testing

@Suite struct PadPredictionTests {
    @Test func emptyPadHasNoPrediction() {
        #expect(PadPrediction.compute(pad: DrawingPad(), source: .drawing, model: Fixtures.seededModel,
                                      encoding: .binary, calibration: PadCalibration(temperature: 8), step: 0) == nil)
    }

    /// A drawing is read after MNIST-style preprocessing, a validation image as is; both
    /// with the training temperature. The seeded model answers differently for the two
    /// images, so a reading of the wrong one cannot pass.
    @Test func drawingIsReadAfterPreprocessingAndValidationAsIs() throws {
        let model = Fixtures.seededModel
        let image = (0 ..< 784).map { UInt8($0 % 28 == 3 && $0 / 28 < 9 ? 255 : 0) }
        var pad = DrawingPad()
        pad.load(image)
        let preprocessed = try #require(PadPreprocessing.mnistStyle(pad.pixels))
        let asIs = model.classProbabilities(pixels: image, encoding: .gray, temperature: 8)
        let drawn = model.classProbabilities(pixels: preprocessed, encoding: .gray, temperature: 8)
        #expect(asIs != drawn)
        let validation = PadPrediction.compute(pad: pad, source: .validation(index: 0, label: 1, edited: false),
                                               model: model, encoding: .gray, calibration: PadCalibration(temperature: 8), step: 1)
        #expect(validation?.probabilities == asIs)
        #expect(validation?.input == image)
        let drawing = PadPrediction.compute(pad: pad, source: .drawing, model: model, encoding: .gray, calibration: PadCalibration(temperature: 8), step: 5)
        #expect(drawing?.probabilities == drawn)
        #expect(drawing?.input == preprocessed)
        #expect(drawing?.step == 5)
    }

    /// The probabilities are softmax(logits / T): T = 1 is far more confident than T = 8.
    @Test func probabilitiesUseTheTrainingTemperature() throws {
        var pad = DrawingPad()
        pad.stroke(from: PadPoint(x: 10, y: 4), to: PadPoint(x: 18, y: 24))
        let tempered = try #require(PadPrediction.compute(pad: pad, source: .drawing, model: Fixtures.seededModel,
                                                          encoding: .gray, calibration: PadCalibration(temperature: 8), step: 1))
        let plain = try #require(PadPrediction.compute(pad: pad, source: .drawing, model: Fixtures.seededModel,
                                                       encoding: .gray, calibration: PadCalibration(temperature: 1), step: 1))
        let logits = Fixtures.seededModel.logits(input: tempered.input.map { InputEncoding.gray.encode($0) })
        let expected = TernaryModel.softmax(logits, temperature: 8)
        for (got, want) in zip(tempered.probabilities, expected) { #expect(abs(got - want) < 1e-12) }
        #expect(plain.top == tempered.top)
        #expect(plain.probabilities[plain.top] > tempered.probabilities[tempered.top])
        #expect(abs(tempered.probabilities.reduce(0, +) - 1) < 1e-9)
    }

    /// A validation image is read with the clean temperature, a drawing with the drawn one.
    @Test func eachKindOfInputHasItsOwnTemperature() throws {
        var pad = DrawingPad()
        pad.stroke(from: PadPoint(x: 10, y: 4), to: PadPoint(x: 18, y: 24))
        let calibration = PadCalibration(cleanTemperature: 2, drawnTemperature: 16)
        let model = Fixtures.seededModel
        let drawing = try #require(PadPrediction.compute(pad: pad, source: .drawing, model: model, encoding: .gray,
                                                         calibration: calibration, step: 1))
        let clean = try #require(PadPrediction.compute(pad: pad, source: .validation(index: 0, label: 1, edited: false),
                                                       model: model, encoding: .gray, calibration: calibration, step: 1))
        let drawnLogits = model.logits(input: drawing.input.map { InputEncoding.gray.encode($0) })
        let cleanLogits = model.logits(input: clean.input.map { InputEncoding.gray.encode($0) })
        #expect(drawing.probabilities == TernaryModel.softmax(drawnLogits, temperature: 16))
        #expect(clean.probabilities == TernaryModel.softmax(cleanLogits, temperature: 2))
    }

    /// A dash drawn on the pad has no digit's shape: the pad says unsure.
    @Test func aDashIsUnsure() throws {
        var pad = DrawingPad()
        pad.stroke(from: PadPoint(x: 4, y: 14), to: PadPoint(x: 24, y: 15))
        let dash = try #require(PadPrediction.compute(pad: pad, source: .drawing, model: Fixtures.seededModel,
                                                      encoding: .gray, calibration: PadCalibration(temperature: 8), step: 1))
        #expect(dash.unsure == .shape)
    }

    @Test func topIsTheMostProbableClass() {
        #expect(PadPrediction(probabilities: [0.1, 0.2, 0.05, 0.6, 0.05, 0, 0, 0, 0, 0], step: 1).top == 3)
    }
}
