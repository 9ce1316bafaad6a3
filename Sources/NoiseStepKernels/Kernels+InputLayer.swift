/// The first layer, computed from the ink: an MNIST image is about 80% background, so
/// z[:, b] = bias + Σ_{j: x[b,j] ≠ 0} x[b,j] · W[:, j] touches only the inked inputs.
///
/// Every inked input costs one load of its weights per multiply-add, so the kernel is
/// bound by where those weights come from. They are kept strip-major (64 outputs of one
/// input in one contiguous 256-byte run) and visited in blocks of inputs small enough to
/// stay in L1 while all 64 examples of the chunk pass over them.
extension Kernels {
    /// Outputs one pass over the ink accumulates: eight SIMD8 registers.
    package static let outputsPerStrip = 64
    /// Inputs per block: four 28-pixel image rows, 28 KiB of one strip's weights.
    static let inputsPerBlock = 112

    /// Floats of the strip-major form of an [outputs, inputs] matrix: [strips][inputs][64],
    /// the last strip padded with zeros.
    package static func stripMajorCount(inputs: Int, outputs: Int) -> Int {
        (outputs + outputsPerStrip - 1) / outputsPerStrip * inputs * outputsPerStrip
    }

    /// Per example and output, the sum runs in ascending input j with one fused
    /// multiply-add per inked input, whatever the blocking, so results equal a plain loop.
    ///
    /// - weights: strip-major [strips][inputs][64] (`stripMajorCount`);
    /// - ink: per example b, the j with x[b,j] ≠ 0 and those x[b,j];
    /// - bias: [outputs]; out: [outputs, 64] feature-major; scratch: the workspace's.
    package static func inputLayer(stripMajorWeights weights: UnsafePointer<Float>, inputs: Int, outputs: Int,
                                   ink: InkLists, bias: UnsafePointer<Float>, scratch: InputLayerScratch,
                                   into out: UnsafeMutablePointer<Float>) {
        let partial = scratch.partial.pointer  // [64 examples][64 outputs]
        for base in stride(from: 0, to: outputs, by: outputsPerStrip) {
            let width = min(outputsPerStrip, outputs - base)
            for b in 0 ..< chunk {
                for o in 0 ..< outputsPerStrip { partial[b * outputsPerStrip + o] = o < width ? bias[base + o] : 0 }
                scratch.cursors[b] = 0
            }
            let strip = weights + base * inputs
            for end in stride(from: inputsPerBlock, to: inputs + inputsPerBlock, by: inputsPerBlock) {
                for b in 0 ..< chunk {
                    scratch.cursors[b] = accumulateBlock(strip, values: ink.values + b * ink.inputs, ink: ink[b],
                                                         from: scratch.cursors[b], before: min(end, inputs),
                                                         into: partial + b * outputsPerStrip)
                }
            }
            for o in 0 ..< width {
                for b in 0 ..< chunk { out[(base + o) * chunk + b] = partial[b * outputsPerStrip + o] }
            }
        }
    }

    /// acc[0..<64] += values[i] · strip[ink[i], 0..<64] for the ink entries i from `first`
    /// whose input is below `end`.
    /// - Returns: the index of the first ink entry not consumed.
    @inline(__always)
    private static func accumulateBlock(_ strip: UnsafePointer<Float>, values: UnsafePointer<Float>,
                                        ink: UnsafeBufferPointer<Int32>, from first: Int, before end: Int,
                                        into acc: UnsafeMutablePointer<Float>) -> Int {
        var i = first
        guard i < ink.count, Int(ink[i]) < end else { return i }
        var a0 = load(acc), a1 = load(acc + 8), a2 = load(acc + 16), a3 = load(acc + 24)
        var a4 = load(acc + 32), a5 = load(acc + 40), a6 = load(acc + 48), a7 = load(acc + 56)
        while i < ink.count {
            let j = Int(ink[i])
            if j >= end { break }
            let s = Vector(repeating: values[i]), w = strip + j * outputsPerStrip
            a0 = a0.addingProduct(s, load(w)); a1 = a1.addingProduct(s, load(w + 8))
            a2 = a2.addingProduct(s, load(w + 16)); a3 = a3.addingProduct(s, load(w + 24))
            a4 = a4.addingProduct(s, load(w + 32)); a5 = a5.addingProduct(s, load(w + 40))
            a6 = a6.addingProduct(s, load(w + 48)); a7 = a7.addingProduct(s, load(w + 56))
            i += 1
        }
        store(a0, acc); store(a1, acc + 8); store(a2, acc + 16); store(a3, acc + 24)
        store(a4, acc + 32); store(a5, acc + 40); store(a6, acc + 48); store(a7, acc + 56)
        return i
    }
}

/// The input layer's per-worker scratch: partial sums of one strip and a cursor into each
/// example's ink list.
// @unchecked: raw storage; one worker owns one scratch at a time.
package final class InputLayerScratch: @unchecked Sendable {
    /// [64 examples][64 outputs].
    let partial = FloatBuffer(count: Kernels.chunk * Kernels.outputsPerStrip)
    /// [64]: per example, the first ink entry not yet accumulated.
    let cursors: UnsafeMutablePointer<Int>

    package init() {
        cursors = .allocate(capacity: Kernels.chunk)
        cursors.initialize(repeating: 0, count: Kernels.chunk)
    }

    deinit { cursors.deallocate() }
}
