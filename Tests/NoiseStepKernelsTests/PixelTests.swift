import Testing
@testable import NoiseStepKernels

/// Loading images into a chunk: the shift lands each pixel where a translated image would
/// have it, both layouts agree, the ink lists every nonzero input, and clearing undoes it.
@Suite struct PixelTests {
    static let side = 28, inputs = 28 * 28

    /// A blob of ink with a gap, away from the borders, plus one pixel in a corner.
    static func image() -> [UInt8] {
        var image = [UInt8](repeating: 0, count: inputs)
        for y in 6 ..< 20 { for x in 9 ..< 17 where (x + y) % 5 != 0 { image[y * side + x] = UInt8(10 * x + y) } }
        image[0] = 255
        return image
    }

    /// The image moved by (dx, dy): what moves in from outside is background.
    static func translated(_ image: [UInt8], dx: Int, dy: Int) -> [UInt8] {
        (0 ..< inputs).map { index in
            let x = index % side - dx, y = index / side - dy
            return x < 0 || y < 0 || x >= side || y >= side ? 0 : image[y * side + x]
        }
    }

    @Test(arguments: [(0, 0), (1, -1), (-2, 3), (3, 1), (28, 0)])
    func listsTheShiftedImageAndWritesItFeatureMajor(dx: Int, dy: Int) {
        let chunk = Kernels.chunk, slot = 5
        let byFeature = FloatBuffer(count: Self.inputs * chunk)
        let ink = InkLists(examples: chunk, inputs: Self.inputs)
        let inputs = Kernels.ChunkInputs(byFeature: byFeature.pointer, ink: ink)
        let table = (0 ..< 256).map { Float($0) / 255 }, levels = (0 ..< 256).map { Int16($0) }
        Kernels.storeImage(Self.image(), rows: Self.side, columns: Self.side, shift: (dx, dy), slot: slot, values: table,
                           levels: levels, into: inputs)
        let moved = Self.translated(Self.image(), dx: dx, dy: dy)
        let expected = moved.map { table[Int($0)] }
        let inked = moved.indices.filter { moved[$0] != 0 }
        #expect(ink[slot].map(Int.init) == inked)
        #expect((0 ..< inked.count).map { ink.levels[slot * Self.inputs + $0] } == inked.map { Int16(moved[$0]) })
        #expect((0 ..< Self.inputs).map { byFeature.pointer[$0 * chunk + slot] } == expected)
        Kernels.clearInk(inputs)
        #expect(byFeature.values.allSatisfy { $0 == 0 })
        #expect(ink.counts[slot] == 0)
    }

    @Test func nonzeroByteFlagsMarkEveryNonzeroByte() {
        for word: UInt64 in [0, 1, 0x80, 0xFF00_0000_0000_0001, 0x0101_0101_0101_0101, 0x7F00_8000_00FF_0000, .max] {
            var expected: UInt64 = 0
            for byte in 0 ..< 8 where (word >> (8 * byte)) & 0xFF != 0 { expected |= 0x80 << (8 * byte) }
            #expect(Kernels.nonzeroByteFlags(word) == expected, "\(word)")
        }
    }
}
