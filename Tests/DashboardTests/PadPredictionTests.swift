@testable import Dashboard
import NoiseStep
import Testing

@Suite struct PadPredictionTests {
    @Test func emptyPadHasNoPrediction() {
        #expect(PadPrediction.compute(pad: DrawingPad(), source: .drawing, model: Fixtures.model,
                                      encoding: .binary, step: 0) == nil)
    }

    @Test func drawingIsReadAfterPreprocessing() throws {
        var pad = DrawingPad()
        pad.stroke(from: PadPoint(x: 3, y: 3), to: PadPoint(x: 3, y: 9))
        let prediction = try #require(PadPrediction.compute(pad: pad, source: .drawing, model: Fixtures.model,
                                                            encoding: .gray, step: 5))
        #expect(prediction.probabilities.count == 10)
        #expect(abs(prediction.probabilities.reduce(0, +) - 1) < 1e-9)
        #expect(prediction.step == 5)
    }

    @Test func validationImageIsReadAsIsAndDrawingAfterPreprocessing() throws {
        let model = TernaryModel(shape: ModelShape(widths: [784, 8, 10]), seed: 1)
        let image = (0 ..< 784).map { UInt8($0 % 28 == 3 && $0 / 28 < 9 ? 255 : 0) }
        var pad = DrawingPad()
        pad.load(image)
        let asIs = PadPrediction.compute(pad: pad, source: .validation(index: 0, label: 1), model: model,
                                         encoding: .gray, step: 1)
        #expect(asIs?.probabilities == model.classProbabilities(pixels: image, encoding: .gray))
        let drawn = PadPrediction.compute(pad: pad, source: .drawing, model: model, encoding: .gray, step: 1)
        let preprocessed = try #require(PadPreprocessing.mnistStyle(pad.pixels))
        #expect(drawn?.probabilities == model.classProbabilities(pixels: preprocessed, encoding: .gray))
        #expect(preprocessed != image)
    }

    @Test func topIsTheMostProbableClass() {
        #expect(PadPrediction(probabilities: [0.1, 0.2, 0.05, 0.6, 0.05, 0, 0, 0, 0, 0], step: 1).top == 3)
    }
}
