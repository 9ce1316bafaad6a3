/// Loading a chunk of images: per example, the list of its inked inputs and their levels
/// (what the input layer reads), and the encoded inputs feature-major (what the gradient
/// rows read). Work is proportional to the ink, not to the image.
extension Kernels {
    /// A chunk's network inputs: the ink lists, and the same inputs feature-major.
    package struct ChunkInputs {
        /// [inputs, 64] feature-major; zero wherever no example is inked.
        package var byFeature: UnsafeMutablePointer<Float>
        package var ink: InkLists

        package init(byFeature: UnsafeMutablePointer<Float>, ink: InkLists) {
            self.byFeature = byFeature
            self.ink = ink
        }
    }

    /// Zeroes the feature-major entries `ink` lists and empties every list: a chunk is
    /// cleared in time proportional to its ink.
    package static func clearInk(_ inputs: ChunkInputs) {
        let ink = inputs.ink
        for b in 0 ..< ink.examples {
            for j in ink[b] { inputs.byFeature[Int(j) * chunk + b] = 0 }
            ink.counts[b] = 0
        }
    }

    /// Lists the nonzero inputs of one image, moved by `shift` whole pixels (what moves in
    /// from outside is background), as example `slot`: their indices in ascending order and
    /// their levels, and writes their encoded values feature-major. The slot must be clear
    /// (`clearInk`).
    ///
    /// - image: [rows, columns] bytes, rows · columns = inputs; values, levels: [256], the
    ///   encoded input and the level of each byte (0 only for byte 0). Eight background
    ///   bytes cost one compare; the inked bytes of a word are found by bit tricks, not by
    ///   a branch per byte.
    package static func storeImage(_ image: UnsafePointer<UInt8>, rows: Int, columns: Int, shift: (x: Int, y: Int),
                                   slot: Int, values: UnsafePointer<Float>, levels: UnsafePointer<Int16>,
                                   into inputs: ChunkInputs) {
        let width = inputs.ink.inputs
        let list = inputs.ink.indices + slot * width
        var inked = 0
        let word = MemoryLayout<UInt64>.size
        let firstX = max(0, shift.x), endX = min(columns, columns + shift.x)
        for y in max(0, shift.y) ..< min(rows, rows + shift.y) {
            let source = image + (y - shift.y) * columns - shift.x  // source[x] is the pixel that lands on x
            var x = firstX
            while x + word <= endX {
                var flags = nonzeroByteFlags(UnsafeRawPointer(source + x).loadUnaligned(as: UInt64.self))
                while flags != 0 {
                    list[inked] = Int32(y * columns + x + flags.trailingZeroBitCount / 8)
                    inked += 1
                    flags &= flags - 1
                }
                x += word
            }
            for k in x ..< endX {
                list[inked] = Int32(y * columns + k)
                inked += source[k] != 0 ? 1 : 0
            }
        }
        inputs.ink.counts[slot] = inked
        let listed = inputs.ink.levels + slot * width
        let source = image - (shift.y * columns + shift.x)  // source[j] is the pixel that lands on j
        for i in 0 ..< inked {
            let j = Int(list[i]), byte = Int(source[j])
            listed[i] = levels[byte]
            inputs.byFeature[j * chunk + slot] = values[byte]
        }
    }

    /// The high bit of each byte of `word` that is not zero, every other bit clear.
    @inline(__always)
    static func nonzeroByteFlags(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ((word & low7) &+ low7 | word) & ~low7
    }
}
