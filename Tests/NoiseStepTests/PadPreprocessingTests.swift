@testable import NoiseStep
import Testing

@Suite struct PadPreprocessingTests {
    /// A blank 28×28 pad with `value` in each (column, row) of `pixels`.
    private func pad(_ pixels: [(Int, Int)], value: Float = 1) -> [Float] {
        var image = [Float](repeating: 0, count: 784)
        for (column, row) in pixels { image[row * 28 + column] = value }
        return image
    }

    /// Inclusive (left, top, right, bottom) of the nonzero bytes.
    private func inkBox(_ image: [UInt8]) -> (left: Int, top: Int, right: Int, bottom: Int) {
        let ink = image.indices.filter { image[$0] > 0 }
        let columns = ink.map { $0 % 28 }, rows = ink.map { $0 / 28 }
        return (columns.min() ?? -1, rows.min() ?? -1, columns.max() ?? -1, rows.max() ?? -1)
    }

    @Test func emptyPadGivesNoImage() {
        #expect(PadPreprocessing.mnistStyle([Float](repeating: 0, count: 784)) == nil)
    }

    @Test func inkTooFaintToShowGivesNoImage() {
        #expect(PadPreprocessing.mnistStyle(pad([(3, 3), (20, 20)], value: 0.001)) == nil)
    }

    @Test func smallOffCentreStrokeIsScaledAndCentred() throws {
        // A short diagonal stroke, 3 wide and 6 tall, in the top-left corner.
        let stroke = [(1, 1), (1, 2), (2, 3), (2, 4), (3, 5), (3, 6)]
        let image = try #require(PadPreprocessing.mnistStyle(pad(stroke)))
        #expect(image.count == 784)
        let box = inkBox(image)
        #expect(box.bottom - box.top + 1 == 20)
        #expect(box.right - box.left + 1 <= 20)
        let centre = try #require(PadPreprocessing.centreOfMass(image.map { Float($0) }))
        #expect(abs(centre.x - 14) <= 0.5)
        #expect(abs(centre.y - 14) <= 0.5)
    }

    @Test func aspectRatioIsKept() throws {
        // A bar 10 wide and 2 tall becomes 20 wide and 4 tall.
        let bar = (5 ..< 15).flatMap { column in [(column, 20), (column, 21)] }
        let box = inkBox(try #require(PadPreprocessing.mnistStyle(pad(bar))))
        #expect(box.right - box.left + 1 == 20)
        #expect(box.bottom - box.top + 1 == 4)
    }

    @Test func solidSquareFillsTheMiddleTwentyByTwenty() throws {
        // Scaling a solid 2×2 block up by 10 gives a solid 20×20 block, centred exactly.
        let image = try #require(PadPreprocessing.mnistStyle(pad([(25, 0), (26, 0), (25, 1), (26, 1)])))
        for row in 0 ..< 28 {
            for column in 0 ..< 28 {
                let inside = (4 ..< 24).contains(row) && (4 ..< 24).contains(column)
                #expect(image[row * 28 + column] == (inside ? 255 : 0), "pixel (\(column), \(row))")
            }
        }
    }

    @Test func downscalingAveragesAreas() throws {
        // A 28-row column of ink, 2 pixels wide at half intensity, keeps its mean.
        let column = (0 ..< 28).flatMap { row in [(10, row), (11, row)] }
        let image = try #require(PadPreprocessing.mnistStyle(pad(column, value: 0.5)))
        let ink = image.filter { $0 > 0 }
        #expect(ink.allSatisfy { abs(Int($0) - 128) <= 1 })
    }

    @Test func areaWeightsOfEachOutputCellSumToOne() {
        for (source, target) in [(3, 20), (20, 20), (28, 20), (7, 3)] {
            for weights in PadPreprocessing.areaWeights(from: source, to: target) {
                #expect(abs(weights.reduce(0) { $0 + $1.1 } - 1) < 1e-5)
            }
        }
    }

    @Test func valuesOutsideZeroToOneAreClamped() throws {
        let image = try #require(PadPreprocessing.mnistStyle(pad([(10, 10)], value: 3)))
        #expect(image.max() == 255)
    }
}
