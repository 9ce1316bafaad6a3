import Testing
@testable import NoiseStepKernels

/// The blocked convolution kernels equal plain loops bit for bit, in the sum orders their
/// contracts state; the first layer's sums over integer levels are exact.
@Suite struct ConvolutionTests {
    /// Output and input channel counts below six (one at a time), at six, and with an
    /// overlapping last block of six (both directions block their own channels); kernels
    /// of 1, 3 and 5; non-square images.
    static let shapes = [
        ConvolutionShape(channels: 8, height: 7, width: 6, kernel: 3, outputs: 5),
        ConvolutionShape(channels: 1, height: 12, width: 11, kernel: 5, outputs: 4),
        ConvolutionShape(channels: 3, height: 9, width: 8, kernel: 3, outputs: 13),
        ConvolutionShape(channels: 7, height: 6, width: 7, kernel: 1, outputs: 6),
        ConvolutionShape(channels: 2, height: 5, width: 5, kernel: 5, outputs: 2),
    ]

    /// W [outputs, taps], a chunk of input and of output deltas, and a bias: ternary, or
    /// values whose products and sums round, so that a sum in another order would differ.
    struct Fixture {
        let shape: ConvolutionShape
        let weights: FloatBuffer, bias: FloatBuffer, input: FloatBuffer, delta: FloatBuffer

        init(_ shape: ConvolutionShape, seed: UInt64) {
            var numbers = Numbers(seed: seed)
            self.shape = shape
            weights = numbers.buffer(shape.outputs * shape.taps) { $0.trit() }
            bias = numbers.buffer(shape.outputs) { $0.trit() }
            input = numbers.buffer(shape.inputRows * Kernels.chunk) { DispatchTests.rough(&$0) }
            delta = numbers.buffer(shape.outputRows * Kernels.chunk) { DispatchTests.rough(&$0) }
        }

        func weight(_ o: Int, _ c: Int, _ ky: Int, _ kx: Int) -> Float {
            weights.pointer[((o * shape.channels + c) * shape.kernel + ky) * shape.kernel + kx]
        }

        /// input[c, y, x, b].
        func x(_ c: Int, _ y: Int, _ x: Int, _ b: Int) -> Float {
            input.pointer[((c * shape.height + y) * shape.width + x) * Kernels.chunk + b]
        }

        /// delta[o, y, x, b].
        func d(_ o: Int, _ y: Int, _ x: Int, _ b: Int) -> Float {
            delta.pointer[((o * shape.outHeight + y) * shape.outWidth + x) * Kernels.chunk + b]
        }
    }

    @Test(arguments: shapes, [1, 255] as [Float])
    func forwardEqualsAPlainFusedLoop(shape s: ConvolutionShape, divisor: Float) {
        let f = Fixture(s, seed: UInt64(s.taps))
        for withBias in [false, true] {
            let out = FloatBuffer(count: s.outputRows * Kernels.chunk)
            Kernels.convolve(weights: f.weights.pointer, bias: withBias ? f.bias.pointer : nil, input: f.input.pointer,
                             shape: s, divisor: divisor, into: out.pointer)
            var expected: [Float] = []
            for o in 0 ..< s.outputs {
                for y in 0 ..< s.outHeight {
                    for x in 0 ..< s.outWidth {
                        for b in 0 ..< Kernels.chunk {
                            var sum: Float = 0
                            for c in 0 ..< s.channels {
                                for ky in 0 ..< s.kernel {
                                    for kx in 0 ..< s.kernel { sum = sum.addingProduct(f.weight(o, c, ky, kx), f.x(c, y + ky, x + kx, b)) }
                                }
                            }
                            expected.append((withBias ? f.bias.pointer[o] : 0) + sum / divisor)
                        }
                    }
                }
            }
            #expect(out.values == expected)
        }
    }

    /// Pixel levels 0...255 (the largest on every tap of example 0) against ternary weights
    /// give the integer sum, divided once: what an Int loop gives.
    @Test func levelsSumExactly() {
        let s = ConvolutionShape(channels: 1, height: 28, width: 28, kernel: 5, outputs: 16)
        var numbers = Numbers(seed: 3)
        let weights = numbers.buffer(s.outputs * s.taps) { $0.trit() }, bias = numbers.buffer(s.outputs) { $0.trit() }
        for t in 0 ..< s.taps { weights.pointer[t] = 1 }  // output 0: every weight +1
        let levels = numbers.buffer(s.inputRows * Kernels.chunk) { Float($0.next(below: 256)) }
        for row in 0 ..< s.inputRows { levels.pointer[row * Kernels.chunk] = 255 }
        let out = FloatBuffer(count: s.outputRows * Kernels.chunk)
        Kernels.convolve(weights: weights.pointer, bias: bias.pointer, input: levels.pointer, shape: s, divisor: 255,
                         into: out.pointer)
        for o in 0 ..< s.outputs {
            for p in 0 ..< s.outHeight * s.outWidth {
                let (y, x) = (p / s.outWidth, p % s.outWidth)
                for b in 0 ..< Kernels.chunk {
                    var sum = 0
                    for t in 0 ..< s.taps {
                        let (ky, kx) = (t / s.kernel, t % s.kernel)
                        sum += Int(weights.pointer[o * s.taps + t]) * Int(levels.pointer[((y + ky) * s.width + x + kx) * Kernels.chunk + b])
                    }
                    #expect(out.pointer[(o * s.outHeight * s.outWidth + p) * Kernels.chunk + b] == bias.pointer[o] + Float(sum) / 255)
                }
            }
        }
        #expect(out.pointer[0] == bias.pointer[0] + 25)  // example 0, output 0: 25 · 255 / 255
    }

    @Test(arguments: shapes)
    func backwardEqualsAPlainFusedLoop(shape s: ConvolutionShape) {
        let f = Fixture(s, seed: UInt64(s.taps) + 1)
        let transposed = FloatBuffer(count: s.outputs * s.taps), out = FloatBuffer(count: s.inputRows * Kernels.chunk)
        Kernels.transposeWeights(f.weights.pointer, shape: s, into: transposed.pointer)
        Kernels.convolveBackward(transposed: transposed.pointer, delta: f.delta.pointer, shape: s, into: out.pointer)
        var expected: [Float] = []
        for c in 0 ..< s.channels {
            for y in 0 ..< s.height {
                for x in 0 ..< s.width {
                    for b in 0 ..< Kernels.chunk {
                        var sum: Float = 0
                        for ky in max(0, y - s.outHeight + 1) ... min(s.kernel - 1, y) {
                            for kx in max(0, x - s.outWidth + 1) ... min(s.kernel - 1, x) {
                                for o in 0 ..< s.outputs { sum = sum.addingProduct(f.weight(o, c, ky, kx), f.d(o, y - ky, x - kx, b)) }
                            }
                        }
                        expected.append(sum)
                    }
                }
            }
        }
        #expect(out.values == expected)
    }

    /// The lanes of eight accumulators, one per vector of a row: accumulator v holds the
    /// sums of examples 8v..<8v+8; added first to last, then lane by lane from −0.
    static func combine(_ perExample: [Float]) -> Float {
        var lanes = Array(perExample[0 ..< 8])
        for v in 1 ..< 8 { for l in 0 ..< 8 { lanes[l] += perExample[8 * v + l] } }
        return lanes.reduce(-0.0 as Float, +)
    }

    @Test(arguments: shapes)
    func gradientEntriesEqualPlainLoops(shape s: ConvolutionShape) {
        let f = Fixture(s, seed: UInt64(s.taps) + 2)
        for o in Set([0, s.outputs - 1]) {
            for tap in Set([0, s.taps / 2, s.taps - 1]) {
                let (c, ky, kx) = (tap / (s.kernel * s.kernel), tap / s.kernel % s.kernel, tap % s.kernel)
                var perExample = [Float](repeating: 0, count: Kernels.chunk)
                for y in 0 ..< s.outHeight {
                    for x in 0 ..< s.outWidth {
                        for b in 0 ..< Kernels.chunk { perExample[b] = perExample[b].addingProduct(f.d(o, y, x, b), f.x(c, y + ky, x + kx, b)) }
                    }
                }
                #expect(Kernels.convolutionWeightGradient(delta: f.delta.pointer, input: f.input.pointer, output: o, tap: tap,
                                                          shape: s) == Self.combine(perExample))
            }
            var sums = [Float](repeating: 0, count: Kernels.chunk)
            for p in 0 ..< s.outHeight * s.outWidth {
                for b in 0 ..< Kernels.chunk { sums[b] += f.d(o, p / s.outWidth, p % s.outWidth, b) }
            }
            #expect(Kernels.convolutionBiasGradient(delta: f.delta.pointer, output: o, shape: s) == Self.combine(sums))
        }
    }

    /// The batched read adds, per entry in order, its sign times the single read (divided by
    /// the divisor for a weight), into its sample's alignment.
    @Test func batchedReadsAddEachEntrysGradient() {
        let s = Self.shapes[1], f = Fixture(s, seed: 21)  // 4 output channels: rows 0...3
        let entries: [Kernels.Entry] = [
            Kernels.Entry(row: 0, column: 3, sample: 1, sign: 1), Kernels.Entry(row: 3, column: -1, sample: 0, sign: -1),
            Kernels.Entry(row: 2, column: Int32(s.taps - 1), sample: 1, sign: -1), Kernels.Entry(row: 1, column: 0, sample: 2, sign: 1),
        ]
        var alignments = [0.5, 0, 0], expected = alignments
        for e in entries {
            let gradient = e.column < 0
                ? Kernels.convolutionBiasGradient(delta: f.delta.pointer, output: Int(e.row), shape: s)
                : Kernels.convolutionWeightGradient(delta: f.delta.pointer, input: f.input.pointer, output: Int(e.row),
                                                    tap: Int(e.column), shape: s) / 255
            expected[Int(e.sample)] += Double(e.sign) * Double(gradient)
        }
        entries.withUnsafeBufferPointer { entries in
            Kernels.convolutionReadGradients(delta: f.delta.pointer, input: f.input.pointer, shape: s, divisor: 255,
                                             entries: entries, into: &alignments)
        }
        #expect(alignments == expected)
    }

    /// Row counts 1...4 from several starts over three chunks: each entry sums lanes b ≡ k
    /// (mod 8) over chunks, positions and vectors, then the lanes from −0.
    @Test func batchWeightGradientEqualsAPlainLoop() {
        let s = ConvolutionShape(channels: 2, height: 7, width: 6, kernel: 3, outputs: 5), chunks = 3, chunk = Kernels.chunk
        var numbers = Numbers(seed: 9)
        let deltas = numbers.buffer(chunks * s.outputRows * chunk) { DispatchTests.rough(&$0) }
        let inputs = numbers.buffer(chunks * s.inputRows * chunk) { DispatchTests.rough(&$0) }
        for rows in [0 ..< 4, 1 ..< 2, 2 ..< 5, 3 ..< 5] {
            let out = FloatBuffer(count: rows.count * s.taps)
            Kernels.convolutionBatchWeightGradient(deltas: deltas.pointer, rows: rows, inputs: inputs.pointer, chunks: chunks,
                                                   shape: s, into: out.pointer)
            var expected: [Float] = []
            for o in rows {
                for tap in 0 ..< s.taps {
                    var lanes = [Float](repeating: 0, count: 8)
                    for c in 0 ..< chunks {
                        for p in 0 ..< s.outHeight * s.outWidth {
                            let (y, x) = (p / s.outWidth, p % s.outWidth)
                            let d = deltas.pointer + c * s.outputRows * chunk + (o * s.outHeight * s.outWidth + p) * chunk
                            let a = inputs.pointer + c * s.inputRows * chunk + (y * s.width + x + s.tapRowOffset(tap)) * chunk
                            for b in 0 ..< chunk { lanes[b % 8] = lanes[b % 8].addingProduct(d[b], a[b]) }
                        }
                    }
                    expected.append(lanes.reduce(-0.0 as Float, +))
                }
            }
            #expect(out.values == expected, "rows \(rows)")
        }
    }

    @Test(arguments: shapes)
    func tapTermEqualsAPlainFusedLoop(shape s: ConvolutionShape) {
        let f = Fixture(s, seed: UInt64(s.taps) + 3)
        let o = s.outputs - 1, tap = s.taps - 1, (c, ky, kx) = (s.channels - 1, s.kernel - 1, s.kernel - 1)
        let tangent = FloatBuffer(count: s.outputRows * Kernels.chunk)
        tangent.pointer.update(from: f.delta.pointer, count: tangent.count)
        Kernels.convolutionAddTap(input: f.input.pointer, tap: tap, scale: -1, output: o, shape: s, to: tangent.pointer)
        var expected = f.delta.values
        for y in 0 ..< s.outHeight {
            for x in 0 ..< s.outWidth {
                for b in 0 ..< Kernels.chunk {
                    let at = ((o * s.outHeight + y) * s.outWidth + x) * Kernels.chunk + b
                    expected[at] = expected[at].addingProduct(-1, f.x(c, y + ky, x + kx, b))
                }
            }
        }
        #expect(tangent.values == expected)
    }
}
