/// The first layer, computed from the ink, in exact integer arithmetic.
///
/// An MNIST image is about 80% background, so only the inked inputs are visited:
/// z[:, b] = bias + (Σ_{j: q[b,j] ≠ 0} q[b,j] · W[:, j]) / divisor. The inputs are pixel
/// levels q (0...255, or 0/1 for binary input) and the weights −1, 0 or +1, so the sum
/// is an integer, computed exactly; one division and one add round it to Float. That is
/// no quantization: it is the network's own first layer with the rounding of every
/// partial sum removed.
///
/// Every inked input costs one load of its weights; 16-bit weights bring sixteen outputs
/// per load where Float brings eight. The weights are kept strip-major (64 outputs of one
/// input in one 128-byte run) and visited in blocks of inputs small enough to stay in L1
/// while the 64 examples of the chunk pass over them.
extension Kernels {
    /// Outputs one pass over the ink accumulates: four SIMD16 registers.
    package static let outputsPerStrip = 64
    /// Inputs per block: four 28-pixel image rows. A block adds at most 112 products of
    /// magnitude ≤ 255 into a 16-bit lane (≤ 28,560 < 32,767) before it is widened.
    static let inputsPerBlock = 112
    /// The largest pixel level.
    package static let maxLevel: Int16 = 255

    typealias Levels = SIMD16<Int16>
    typealias Sums = SIMD8<Int32>

    /// Entries of the strip-major form of an [outputs, inputs] matrix: [strips][inputs][64],
    /// the last strip padded with zeros.
    package static func stripMajorCount(inputs: Int, outputs: Int) -> Int {
        (outputs + outputsPerStrip - 1) / outputsPerStrip * inputs * outputsPerStrip
    }

    /// - weights: strip-major [strips][inputs][64] (`stripMajorCount`), each −1, 0 or +1;
    /// - ink: per example b, the j with q[b,j] ≠ 0 and those levels, each in 1...255
    ///   (each 1 when `unitLevels`: binary input, whose products are the weights);
    /// - divisor: the input encoding's (255 for grey, 1 for binary); bias: [outputs];
    /// - out: [outputs, 64] feature-major; scratch: the workspace's.
    package static func inputLayer(stripMajorWeights weights: UnsafePointer<Int16>, inputs: Int, outputs: Int,
                                   ink: InkLists, unitLevels: Bool, divisor: Float, bias: UnsafePointer<Float>,
                                   scratch: InputLayerScratch, into out: UnsafeMutablePointer<Float>) {
        let partial = scratch.partial  // [64 examples][64 outputs]
        for base in stride(from: 0, to: outputs, by: outputsPerStrip) {
            partial.update(repeating: 0, count: chunk * outputsPerStrip)
            for b in 0 ..< chunk { scratch.cursors[b] = 0 }
            let strip = weights + base * inputs
            for end in stride(from: inputsPerBlock, to: inputs + inputsPerBlock, by: inputsPerBlock) {
                for b in 0 ..< chunk {
                    let levels = ink.levels + b * ink.inputs, first = scratch.cursors[b], before = min(end, inputs)
                    let sums = partial + b * outputsPerStrip
                    scratch.cursors[b] = unitLevels
                        ? accumulateBlock(strip, levels: levels, ink: ink[b], from: first, before: before, into: sums,
                                          times: UnitLevels.self)
                        : accumulateBlock(strip, levels: levels, ink: ink[b], from: first, before: before, into: sums,
                                          times: AnyLevels.self)
                }
            }
            for o in 0 ..< min(outputsPerStrip, outputs - base) {
                let target = out + (base + o) * chunk
                for b in 0 ..< chunk { target[b] = bias[base + o] + Float(partial[b * outputsPerStrip + o]) / divisor }
            }
        }
    }

    /// sums[0..<64] += Σ levels[i] · strip[ink[i], 0..<64] over the ink entries i from
    /// `first` whose input is below `end` (at most `inputsPerBlock` of them), summed in
    /// 16-bit lanes, then widened.
    /// - Returns: the index of the first ink entry not consumed.
    @inline(__always)
    private static func accumulateBlock<Product: LevelProduct>(
        _ strip: UnsafePointer<Int16>, levels: UnsafePointer<Int16>, ink: UnsafeBufferPointer<Int32>, from first: Int,
        before end: Int, into sums: UnsafeMutablePointer<Int32>, times: Product.Type
    ) -> Int {
        var i = first
        guard i < ink.count, Int(ink[i]) < end else { return i }
        var a0 = Levels(), a1 = Levels(), a2 = Levels(), a3 = Levels()
        while i < ink.count {
            let j = Int(ink[i])
            if j >= end { break }
            let q = Levels(repeating: levels[i]), w = UnsafeRawPointer(strip + j * outputsPerStrip)
            a0 &+= Product.times(q, w.loadUnaligned(as: Levels.self))
            a1 &+= Product.times(q, w.loadUnaligned(fromByteOffset: 32, as: Levels.self))
            a2 &+= Product.times(q, w.loadUnaligned(fromByteOffset: 64, as: Levels.self))
            a3 &+= Product.times(q, w.loadUnaligned(fromByteOffset: 96, as: Levels.self))
            i += 1
        }
        widen(a0, into: sums)
        widen(a1, into: sums + 16)
        widen(a2, into: sums + 32)
        widen(a3, into: sums + 48)
        return i
    }

    /// sums[0..<16] += lanes, widened to 32 bits.
    @inline(__always)
    private static func widen(_ lanes: Levels, into sums: UnsafeMutablePointer<Int32>) {
        let target = UnsafeMutableRawPointer(sums)
        let low = target.loadUnaligned(as: Sums.self) &+ Sums(truncatingIfNeeded: lanes.lowHalf)
        let high = target.loadUnaligned(fromByteOffset: 32, as: Sums.self) &+ Sums(truncatingIfNeeded: lanes.highHalf)
        target.storeBytes(of: low, as: Sums.self)
        target.storeBytes(of: high, toByteOffset: 32, as: Sums.self)
    }
}

/// How a level multiplies a weight in the input layer's inner loop, chosen once per call.
protocol LevelProduct {
    static func times(_ level: Kernels.Levels, _ weights: Kernels.Levels) -> Kernels.Levels
}

/// Any level 1...255: a 16-bit multiply.
enum AnyLevels: LevelProduct {
    @inline(__always)
    static func times(_ level: Kernels.Levels, _ weights: Kernels.Levels) -> Kernels.Levels { level &* weights }
}

/// Every level 1 (binary input): the product is the weight.
enum UnitLevels: LevelProduct {
    @inline(__always)
    static func times(_ level: Kernels.Levels, _ weights: Kernels.Levels) -> Kernels.Levels { weights }
}

/// The input layer's per-worker scratch: the integer sums of one strip and a cursor into
/// each example's ink list.
// @unchecked: raw storage; one worker owns one scratch at a time.
package final class InputLayerScratch: ScratchStorage, @unchecked Sendable {
    /// [64 examples][64 outputs].
    let partial: UnsafeMutablePointer<Int32>
    /// [64]: per example, the first ink entry not yet accumulated.
    let cursors: UnsafeMutablePointer<Int>

    package init() {
        partial = .allocate(capacity: Kernels.chunk * Kernels.outputsPerStrip)
        partial.initialize(repeating: 0, count: Kernels.chunk * Kernels.outputsPerStrip)
        cursors = .allocate(capacity: Kernels.chunk)
        cursors.initialize(repeating: 0, count: Kernels.chunk)
    }

    deinit {
        partial.deallocate()
        cursors.deallocate()
    }

    package var bytes: Int { Kernels.chunk * (Kernels.outputsPerStrip * MemoryLayout<Int32>.size + MemoryLayout<Int>.size) }
}
