import Testing
@testable import NoiseStepKernels

/// The plain and the AVX2 + FMA builds of every C kernel give the same bits, on inputs
/// whose products and sums round (so a multiply-add contracted in one build and not in
/// the other would show). Where the CPU lacks AVX2 + FMA both runs are plain.
@Suite(.serialized) struct DispatchTests {
    /// `body`'s output with the plain kernels, then with the CPU's choice.
    static func bothBuilds(_ body: () -> [Float]) -> (plain: [Float], chosen: [Float]) {
        Kernels.allowVectorExtensions(false)
        #expect(!Kernels.usesVectorExtensions)
        let plain = body()
        Kernels.allowVectorExtensions(true)
        return (plain, body())
    }

    static func expectSameBits(_ outputs: (plain: [Float], chosen: [Float])) {
        let differing = zip(outputs.plain, outputs.chosen).indices(where: { $0.bitPattern != $1.bitPattern })
        #expect(outputs.plain.count == outputs.chosen.count && differing.isEmpty,
                "\(differing.count) values differ, the first at \(differing.first ?? -1)")
        #expect(outputs.plain.contains { $0 != 0 }, "the kernel wrote something")
    }

    /// Values in (−3, 3) with 21 bits, whose products and sums round in Float.
    static func rough(_ numbers: inout Numbers) -> Float { Float(numbers.next(below: 1 << 21) - (1 << 20)) / 349_525 }

    @Test func denseKernels() {
        var numbers = Numbers(seed: 11)
        let chunk = Kernels.chunk, inner = 37
        let matrix = numbers.buffer(13 * inner) { Self.rough(&$0) }, input = numbers.buffer(inner * chunk) { Self.rough(&$0) }
        let bias = numbers.buffer(13) { Self.rough(&$0) }
        for rows in [3, 13] {
            Self.expectSameBits(Self.bothBuilds {
                let out = FloatBuffer(count: rows * chunk)
                Kernels.multiply(matrix.pointer, rows: rows, inner: inner, input.pointer, bias: bias.pointer, into: out.pointer)
                return out.values
            })
        }
        Self.expectSameBits(Self.bothBuilds {
            let row = numbers.buffer(chunk) { _ in 0 }
            Kernels.addScaled(input.pointer, 0.3, to: row.pointer)
            return [Kernels.dot(input.pointer, input.pointer + chunk), Kernels.rowSum(input.pointer)] + row.values
        })
        Self.expectSameBits(Self.bothBuilds { [Kernels.fmaPeakLoop(iterations: 1000, seed: 0.37)] })
        let entries = [Kernels.Entry(row: 2, column: 5, sample: 0, sign: 1), Kernels.Entry(row: 2, column: -1, sample: 1, sign: -1),
                       Kernels.Entry(row: 0, column: 36, sample: 0, sign: -1)]
        Self.expectSameBits(Self.bothBuilds {
            var alignments = [0.25, -0.5]
            entries.withUnsafeBufferPointer { entries in
                Kernels.readGradients(deltas: matrix.pointer, inputs: input.pointer, entries: entries, into: &alignments)
            }
            let expected = [0.25 + Double(Kernels.dot(matrix.pointer + 2 * chunk, input.pointer + 5 * chunk))
                                - Double(Kernels.dot(matrix.pointer, input.pointer + 36 * chunk)),
                            -0.5 - Double(Kernels.rowSum(matrix.pointer + 2 * chunk))]
            #expect(alignments == expected)
            return alignments.map(Float.init)
        })
    }

    @Test func batchGradient() {
        var numbers = Numbers(seed: 12)
        let chunks = 3, outputs = 6, inputCount = 5, chunk = Kernels.chunk
        let deltas = numbers.buffer(chunks * outputs * chunk) { Self.rough(&$0) }
        let inputs = numbers.buffer(chunks * inputCount * chunk) { Self.rough(&$0) }
        Self.expectSameBits(Self.bothBuilds {
            let out = FloatBuffer(count: 3 * inputCount)
            Kernels.batchWeightGradient(deltas: deltas.pointer, outputs: outputs, rows: 2 ..< 5, inputs: inputs.pointer,
                                        inputCount: inputCount, chunks: chunks, into: out.pointer)
            return out.values
        })
    }

    @Test func layerNormBothWays() {
        var numbers = Numbers(seed: 13)
        let rows = 37, chunk = Kernels.chunk
        let z = numbers.buffer(rows * chunk) { Self.rough(&$0) }, d = numbers.buffer(rows * chunk) { Self.rough(&$0) }
        Self.expectSameBits(Self.bothBuilds {
            let normalized = FloatBuffer(count: rows * chunk), rectified = FloatBuffer(count: rows * chunk)
            let inverse = FloatBuffer(count: chunk)
            Kernels.layerNormForward(z.pointer, rows: rows, normalized: normalized.pointer, rectified: rectified.pointer,
                                     inverseDeviation: inverse.pointer)
            var all = normalized.values + rectified.values + inverse.values
            for (maskInput, maskOutput) in [(true, false), (false, true)] {
                let out = FloatBuffer(count: rows * chunk)
                Kernels.layerNormDerivative(d.pointer, rows: rows, normalized: normalized.pointer,
                                            inverseDeviation: inverse.pointer, maskInput: maskInput,
                                            maskOutput: maskOutput, into: out.pointer)
                all += out.values
            }
            return all
        })
    }

    @Test func forwardModeTangents() {
        var numbers = Numbers(seed: 14)
        let width = 20, outputs = 9, chunk = Kernels.chunk, rows = [3, 17, 4]
        let sparse = numbers.buffer(rows.count * chunk) { Self.rough(&$0) }
        let n = numbers.buffer(width * chunk) { Self.rough(&$0) }, inverse = numbers.buffer(chunk) { Self.rough(&$0) }
        let maskProduct = numbers.buffer(outputs * chunk) { Self.rough(&$0) }
        let zNext = numbers.buffer(outputs * chunk) { Self.rough(&$0) }, bias = numbers.buffer(outputs) { $0.trit() }
        let transposed = numbers.buffer(width * outputs) { $0.trit() }
        Self.expectSameBits(Self.bothBuilds {
            let rowsInPlace = FloatBuffer(count: rows.count * chunk)
            rowsInPlace.pointer.update(from: sparse.pointer, count: rows.count * chunk)
            let mean = FloatBuffer(count: chunk), norm = FloatBuffer(count: chunk), tangent = FloatBuffer(count: outputs * chunk)
            rows.withUnsafeBufferPointer { rows in
                Kernels.tangentStatistics(sparse: rowsInPlace.pointer, rows: rows, width: width, normalized: n.pointer,
                                          inverseDeviation: inverse.pointer, meanTerm: mean.pointer, normTerm: norm.pointer)
                Kernels.lowRankTangent(outputs: outputs, meanTerm: mean.pointer, normTerm: norm.pointer,
                                       maskProduct: maskProduct.pointer, zNext: zNext.pointer, bias: bias.pointer,
                                       transposed: transposed.pointer, sparse: rowsInPlace.pointer, rows: rows,
                                       into: tangent.pointer)
            }
            return rowsInPlace.values + mean.values + norm.values + tangent.values
        })
    }

    @Test(arguments: [false, true])
    func inputLayer(unitLevels: Bool) {
        var numbers = Numbers(seed: 15)
        let inputs = 300, outputs = 70, chunk = Kernels.chunk
        let strips = KernelBuffer<Int16>(count: Kernels.stripMajorCount(inputs: inputs, outputs: outputs))
        for index in 0 ..< strips.count { strips.pointer[index] = Int16(numbers.trit()) }
        let ink = InkLists(examples: chunk, inputs: inputs), bias = numbers.buffer(outputs) { Self.rough(&$0) }
        for b in 0 ..< chunk {
            for j in 0 ..< inputs where numbers.next(below: 3) == 0 {
                ink.indices[b * inputs + ink.counts[b]] = Int32(j)
                ink.levels[b * inputs + ink.counts[b]] = unitLevels ? 1 : Int16(1 + numbers.next(below: 255))
                ink.counts[b] += 1
            }
        }
        Self.expectSameBits(Self.bothBuilds {
            let out = FloatBuffer(count: outputs * chunk)
            Kernels.inputLayer(stripMajorWeights: strips.pointer, inputs: inputs, outputs: outputs, ink: ink,
                               unitLevels: unitLevels, divisor: unitLevels ? 1 : 255, bias: bias.pointer,
                               scratch: InputLayerScratch(), into: out.pointer)
            return out.values
        })
    }
}

extension Zip2Sequence {
    /// The positions where `differ` holds for the pair.
    func indices(where differ: (Sequence1.Element, Sequence2.Element) -> Bool) -> [Int] {
        enumerated().filter { differ($0.element.0, $0.element.1) }.map(\.offset)
    }
}
