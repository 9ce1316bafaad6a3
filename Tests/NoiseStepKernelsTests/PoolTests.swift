import Testing
@testable import NoiseStepKernels

/// Pooling equals plain loops bit for bit: the maximum routes its delta and tangent to
/// the first entry equal to it, the average sums in window order; rows past the last
/// whole window get no delta.
@Suite struct PoolTests {
    /// Even and odd sizes (dropped rows and columns), windows of 2 and 3.
    static let shapes = [
        PoolShape(channels: 3, height: 8, width: 6, size: 2),
        PoolShape(channels: 2, height: 7, width: 9, size: 2),
        PoolShape(channels: 1, height: 7, width: 6, size: 3),
    ]

    /// Values on a coarse grid, so windows hold ties (the first of equal entries wins).
    static func input(_ s: PoolShape, seed: UInt64) -> FloatBuffer {
        var numbers = Numbers(seed: seed)
        return numbers.buffer(s.inputRows * Kernels.chunk) { Float($0.next(below: 5)) - 2 }
    }

    /// The input rows of window (c, y, x) in (dy, dx) order.
    static func window(_ s: PoolShape, _ c: Int, _ y: Int, _ x: Int) -> [Int] {
        (0 ..< s.size * s.size).map { ((c * s.height + y * s.size + $0 / s.size) * s.width + x * s.size + $0 % s.size) }
    }

    static func eachWindow(_ s: PoolShape, _ body: (_ pooledRow: Int, _ rows: [Int]) -> Void) {
        for c in 0 ..< s.channels {
            for y in 0 ..< s.outHeight {
                for x in 0 ..< s.outWidth { body((c * s.outHeight + y) * s.outWidth + x, window(s, c, y, x)) }
            }
        }
    }

    @Test(arguments: shapes)
    func maxPoolRoutesToTheFirstMaximum(shape s: PoolShape) {
        let chunk = Kernels.chunk, input = Self.input(s, seed: UInt64(s.inputRows))
        var numbers = Numbers(seed: 4)
        let delta = numbers.buffer(s.outputRows * chunk) { $0.value() }, tangent = numbers.buffer(s.inputRows * chunk) { $0.value() }
        let pooled = FloatBuffer(count: s.outputRows * chunk), back = FloatBuffer(count: s.inputRows * chunk)
        let forward = FloatBuffer(count: s.outputRows * chunk)
        back.pointer.update(repeating: 7, count: back.count)  // every row must be written
        Kernels.maxPool(input.pointer, shape: s, into: pooled.pointer)
        Kernels.maxPoolBackward(input: input.pointer, pooled: pooled.pointer, delta: delta.pointer, shape: s, into: back.pointer)
        Kernels.maxPoolTangent(input: input.pointer, pooled: pooled.pointer, tangent: tangent.pointer, shape: s,
                               into: forward.pointer)
        var expectedPooled = [Float](repeating: 0, count: pooled.count), expectedForward = expectedPooled
        var expectedBack = [Float](repeating: 0, count: back.count)
        Self.eachWindow(s) { row, rows in
            for b in 0 ..< chunk {
                var best = rows[0]
                for r in rows where input.pointer[r * chunk + b] > input.pointer[best * chunk + b] { best = r }
                expectedPooled[row * chunk + b] = input.pointer[best * chunk + b]
                expectedBack[best * chunk + b] = delta.pointer[row * chunk + b]
                expectedForward[row * chunk + b] = tangent.pointer[best * chunk + b]
            }
        }
        #expect(pooled.values == expectedPooled)
        #expect(back.values == expectedBack)
        #expect(forward.values == expectedForward)
    }

    @Test(arguments: shapes)
    func averagePoolSumsInWindowOrder(shape s: PoolShape) {
        let chunk = Kernels.chunk
        var numbers = Numbers(seed: UInt64(s.inputRows))
        let input = numbers.buffer(s.inputRows * chunk) { DispatchTests.rough(&$0) }
        let delta = numbers.buffer(s.outputRows * chunk) { DispatchTests.rough(&$0) }
        let pooled = FloatBuffer(count: s.outputRows * chunk), back = FloatBuffer(count: s.inputRows * chunk)
        back.pointer.update(repeating: 7, count: back.count)
        Kernels.averagePool(input.pointer, shape: s, into: pooled.pointer)
        Kernels.averagePoolBackward(delta: delta.pointer, shape: s, into: back.pointer)
        let scale = 1 / Float(s.size * s.size)
        var expectedPooled = [Float](repeating: 0, count: pooled.count), expectedBack = [Float](repeating: 0, count: back.count)
        Self.eachWindow(s) { row, rows in
            for b in 0 ..< chunk {
                var sum: Float = 0
                for r in rows {
                    sum += input.pointer[r * chunk + b]
                    expectedBack[r * chunk + b] = delta.pointer[row * chunk + b] * scale
                }
                expectedPooled[row * chunk + b] = sum * scale
            }
        }
        #expect(pooled.values == expectedPooled)
        #expect(back.values == expectedBack)
    }
}
