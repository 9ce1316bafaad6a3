import Testing
@testable import NoiseStep

@Suite struct DrawnDigitsTests {
    /// The centre of mass of a 28×28 picture, (x, y).
    static func centre(_ picture: [Float]) -> (x: Double, y: Double) {
        var mass = 0.0, x = 0.0, y = 0.0
        for (index, value) in picture.enumerated() where value > 0 {
            mass += Double(value)
            x += Double(value) * (Double(index % 28) + 0.5)
            y += Double(value) * (Double(index / 28) + 0.5)
        }
        return (x / mass, y / mass)
    }

    /// The redrawn digits move by up to ±4 px on both axes, in both directions.
    @Test func drawingsAreOffsetBothWaysOnBothAxes() {
        var pixels = [UInt8](repeating: 0, count: 784)
        for row in 10 ..< 18 { for column in 12 ..< 16 { pixels[row * 28 + column] = 255 } }
        let bar = Dataset(pixels: Array(repeating: pixels, count: 60).flatMap { $0 },
                          labels: [UInt8](repeating: 1, count: 60))
        var offsets: [(x: Double, y: Double)] = []
        for index in 0 ..< bar.count {
            let drawn = Self.centre(DrawnDigits.pad(for: bar, index: index, seed: 0))
            offsets.append((drawn.x - 14, drawn.y - 14))
        }
        #expect(offsets.contains { $0.x < -2 } && offsets.contains { $0.x > 2 })
        #expect(offsets.contains { $0.y < -2 } && offsets.contains { $0.y > 2 })
        #expect(offsets.allSatisfy { abs($0.x) <= DrawnDigits.offset + 0.5 && abs($0.y) <= DrawnDigits.offset + 0.5 })
    }
}
