import Testing
@testable import NoiseStep

@Suite struct ConfusionMatrixTests {
    /// A thread count no checked options carry is refused before any worker is made,
    /// by every public way in that takes one.
    @Test func aThreadCountOutsideTheRulebookIsRefused() {
        let model = TernaryModel(shape: ModelShape(hidden: [4]), seed: 1)
        let data = Dataset(pixels: [UInt8](repeating: 7, count: Dataset.pixelsPerImage), labels: [3])
        for threads in [-1, 1_000_000] {
            #expect(throws: LimitViolation.self) { try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: threads) }
            #expect(throws: LimitViolation.self) { try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: threads) }
        }
        #expect(throws: Never.self) { try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: 2) }
    }

    @Test func countsRowsAndTheDiagonal() {
        var matrix = ConfusionMatrix(classes: 3)
        for (truth, predicted) in [(0, 0), (0, 0), (0, 2), (1, 1), (2, 0), (5, 1)] {
            matrix.record(truth: truth, predicted: predicted)
        }
        #expect(matrix.total == 5, "a label outside the classes is ignored")
        #expect(matrix.correct == 3)
        #expect(matrix[0, 2] == 1 && matrix[2, 0] == 1)
        #expect(matrix.examples(of: 0) == 3)
        #expect(matrix.accuracy(of: 0) == 2.0 / 3)
        #expect(matrix.accuracy(of: 2) == 0)
        #expect(ConfusionMatrix(classes: 3).accuracy(of: 1) == nil)
        var oneWay = ConfusionMatrix(classes: 3)
        oneWay.record(truth: 1, predicted: 2)
        #expect(oneWay[1, 2] == 1 && oneWay[2, 1] == 0, "rows are the true class, columns the predicted one")
        #expect(oneWay.examples(of: 1) == 1 && oneWay.examples(of: 2) == 0)
        var twice = matrix
        twice.add(matrix)
        #expect(twice.total == 10 && twice.accuracy == matrix.accuracy)
    }

    /// Each example counts once, under its label and the class with the largest logit of
    /// the single-image forward pass, whatever the thread count.
    @Test(arguments: [1, 3])
    func evaluationMatchesTheSingleImagePath(threads: Int) throws {
        try expectSingleImagePath(TernaryModel(shape: ModelShape(hidden: [24]), seed: 9), threads: threads)
    }

    /// The same through convolutions and pooling: the pad's path (each kind's `apply`)
    /// against the chunk kernels.
    @Test(arguments: [1, 3])
    func aConvNetsEvaluationMatchesTheSingleImagePath(threads: Int) throws {
        let shape = ModelShape(input: .image, layers: try LayerKinds.parse("conv 3 5, pool 2, conv 4 3, pool 2, dense 10"))
        try expectSingleImagePath(TernaryModel(shape: shape, seed: 9), threads: threads)
    }

    func expectSingleImagePath(_ model: TernaryModel, threads: Int) throws {
        let data = Fixtures.bands(count: 150, gray: true)
        var expected = ConfusionMatrix()
        for index in 0 ..< data.count {
            let logits = model.logits(input: data.image(index).map { InputEncoding.gray.encode($0) })
            let predicted = logits.indices.max { logits[$0] < logits[$1] } ?? 0
            expected.record(truth: Int(data.labels[index]), predicted: predicted)
        }
        let matrix = try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: threads)
        #expect(matrix == expected)
        #expect(try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: threads).correct == expected.correct)
        #expect(expected.correct > 0 && expected.correct < data.count, "a test that can tell right from wrong")
    }
}
