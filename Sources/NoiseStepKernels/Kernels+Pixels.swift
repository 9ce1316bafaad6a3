/// Loading a chunk of images: encoding, ink lists and the feature-major copy.
extension Kernels {
    /// Side of the square tiles of the transpose: 8 × 8 floats stay in L1.
    static let transposeTile = 8

    /// Zeroes the entries of `pixels` that `ink` lists and empties every list, so that a
    /// chunk is cleared in time proportional to its ink. - pixels: [64, inputs].
    package static func clearInk(_ ink: InkLists, in pixels: UnsafeMutablePointer<Float>) {
        let inputs = ink.inputs
        for b in 0 ..< ink.examples {
            for j in ink[b] { pixels[b * inputs + Int(j)] = 0 }
            ink.counts[b] = 0
        }
    }

    /// Writes one image's encoded inputs into row `slot` of `pixels` ([64, count],
    /// example-major, cleared beforehand) and lists its nonzero bytes in `ink`.
    /// - table: [256], the encoded value of each byte.
    package static func storeImage(_ image: UnsafePointer<UInt8>, count: Int, slot: Int, table: UnsafePointer<Float>,
                                   pixels: UnsafeMutablePointer<Float>, ink: InkLists) {
        let row = pixels + slot * count
        let list = ink.indices + slot * ink.inputs
        var inked = 0
        for j in 0 ..< count where image[j] != 0 {
            row[j] = table[Int(image[j])]
            list[inked] = Int32(j)
            inked += 1
        }
        ink.counts[slot] = inked
    }

    /// target[j, b] = source[b, j] for a [64, inputs] example-major source, in tiles that
    /// stay in L1. - target: [inputs, 64].
    package static func transposeChunk(_ source: UnsafePointer<Float>, inputs: Int,
                                       into target: UnsafeMutablePointer<Float>) {
        let tile = transposeTile
        for j0 in stride(from: 0, to: inputs, by: tile) {
            let rows = min(tile, inputs - j0)
            for b0 in stride(from: 0, to: chunk, by: tile) {
                for j in j0 ..< j0 + rows {
                    for b in b0 ..< b0 + tile { target[j * chunk + b] = source[b * inputs + j] }
                }
            }
        }
    }
}
