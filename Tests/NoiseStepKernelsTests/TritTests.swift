import Testing
@testable import NoiseStepKernels

/// The packed form, read by the kernels: the refresh after a change and the single-image
/// product both give what a plain decode of every entry gives.
@Suite struct TritTests {
    /// [256 · 5]: entry d of byte v is digit d of v in base 3, minus one (bytes ≥ 243 unused).
    static let table: [Float] = (0 ..< 256).flatMap { byte in (0 ..< 5).map { Float((byte / [1, 3, 9, 27, 81][$0]) % 3) - 1 } }

    /// Five entries a byte, digit d worth 3^d; padding digits are 1 (zero).
    static func pack(_ entries: [Float]) -> [UInt8] {
        stride(from: 0, to: entries.count, by: 5).map { start in
            var byte = 0, place = 1
            for index in start ..< start + 5 {
                let digit = index < entries.count ? Int(entries[index]) + 1 : 1
                byte += digit * place
                place *= 3
            }
            return UInt8(byte)
        }
    }

    @Test(arguments: [(rows: 7, columns: 9), (rows: 70, columns: 23)])
    func packedProductEqualsAPlainLoop(rows: Int, columns: Int) {
        var numbers = Numbers(seed: UInt64(rows))
        let weights = (0 ..< rows * columns).map { _ in numbers.trit() }
        let input = (0 ..< columns).map { _ in numbers.next(below: 3) == 0 ? 0 : numbers.value() }
        let bias = (0 ..< rows).map { _ in numbers.trit() }
        var out = [Float](repeating: 0, count: rows)
        let nonzero = UnsafeMutablePointer<Int>.allocate(capacity: columns)
        defer { nonzero.deallocate() }
        Kernels.packedMatrixVector(Self.pack(weights), rows: rows, columns: columns, table: Self.table, input: input,
                                   bias: bias, nonzero: nonzero, into: &out)
        let expected = (0 ..< rows).map { r in
            bias[r] + (0 ..< columns).reduce(Float(0)) { $0 + weights[r * columns + $1] * input[$1] }
        }
        #expect(out == expected)
    }

    @Test func changedBytesAreRewrittenInEveryForm() {
        let rows = 70, columns = 13, strip = Kernels.outputsPerStrip
        var numbers = Numbers(seed: 5)
        var weights = (0 ..< rows * columns).map { _ in numbers.trit() }
        var previous = [UInt8](repeating: Kernels.unwrittenByte, count: (rows * columns + 4) / 5)
        let matrix = FloatBuffer(count: rows * columns), transposed = FloatBuffer(count: rows * columns)
        var previousLevels = previous
        let levels = KernelBuffer<Int16>(count: Kernels.stripMajorCount(inputs: columns, outputs: rows))
        for round in 0 ..< 3 {
            let rewritten = Kernels.expandChangedTrits(Self.pack(weights), previous: &previous, rows: rows, columns: columns,
                                                       table: Self.table, matrix: matrix.pointer,
                                                       transposed: .float(transposed.pointer))
            Kernels.expandChangedTrits(Self.pack(weights), previous: &previousLevels, rows: rows, columns: columns,
                                       table: Self.table, matrix: nil, transposed: .stripMajorLevels(levels.pointer))
            #expect(rewritten == (round == 0 ? previous.count : 2))
            #expect(matrix.values == weights)
            for r in 0 ..< rows {
                for c in 0 ..< columns {
                    #expect(transposed.pointer[c * rows + r] == weights[r * columns + c])
                    #expect(Float(levels.pointer[(r / strip * columns + c) * strip + r % strip]) == weights[r * columns + c])
                }
            }
            weights[round * 11] = weights[round * 11] == 1 ? -1 : 1      // first byte area
            weights[rows * columns - 1 - round] = weights[rows * columns - 1 - round] == 0 ? 1 : 0  // the tail byte
        }
    }
}
