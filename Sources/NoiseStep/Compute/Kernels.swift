/// The dense kernels of the training step. Activations are feature-major chunks: a
/// [features, 64] row-major block holds one chunk of 64 examples, so every row is
/// eight SIMD8 vectors. Each kernel sums in a fixed order, so results never depend on
/// how chunks are spread over threads.
enum Kernels {
    /// Examples per chunk; a chunk row is `chunk` floats.
    static let chunk = 64
    typealias Vector = SIMD8<Float>
    static let vectorsPerRow = chunk / Vector.scalarCount

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// column[i · stride] = value[i] for the eight lanes.
    @inline(__always)
    static func scatter(_ value: Vector, _ column: UnsafeMutablePointer<Float>, stride: Int) {
        for i in 0 ..< Vector.scalarCount { column[i * stride] = value[i] }
    }

    /// out[r, :] = Σ_k matrix[r, k] · input[k, :] + (bias?[r] ?? 0).
    ///
    /// - matrix: [rows, inner] row-major; input: [inner, 64]; out: [rows, 64].
    static func multiply(_ matrix: UnsafePointer<Float>, rows: Int, inner: Int,
                         _ input: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                         into out: UnsafeMutablePointer<Float>) {
        var row = 0
        while row + 4 <= rows {
            multiplyFourRows(matrix + row * inner, inner: inner, input, bias: bias.map { $0 + row },
                             into: out + row * chunk)
            row += 4
        }
        while row < rows {
            multiplyOneRow(matrix + row * inner, inner: inner, input, bias: bias?[row] ?? 0, into: out + row * chunk)
            row += 1
        }
    }

    /// Four output rows, sixteen columns at a time: eight accumulators stay in registers.
    @inline(__always)
    private static func multiplyFourRows(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                         bias: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>) {
        let w0 = w, w1 = w + inner, w2 = w + 2 * inner, w3 = w + 3 * inner
        for column in stride(from: 0, to: chunk, by: 16) {
            var a0 = Vector(repeating: bias?[0] ?? 0), b0 = a0
            var a1 = Vector(repeating: bias?[1] ?? 0), b1 = a1
            var a2 = Vector(repeating: bias?[2] ?? 0), b2 = a2
            var a3 = Vector(repeating: bias?[3] ?? 0), b3 = a3
            var source = input + column
            for k in 0 ..< inner {
                let x = load(source), y = load(source + 8)
                let s0 = Vector(repeating: w0[k]), s1 = Vector(repeating: w1[k])
                let s2 = Vector(repeating: w2[k]), s3 = Vector(repeating: w3[k])
                a0 = a0.addingProduct(s0, x); b0 = b0.addingProduct(s0, y)
                a1 = a1.addingProduct(s1, x); b1 = b1.addingProduct(s1, y)
                a2 = a2.addingProduct(s2, x); b2 = b2.addingProduct(s2, y)
                a3 = a3.addingProduct(s3, x); b3 = b3.addingProduct(s3, y)
                source += chunk
            }
            store(a0, out + column); store(b0, out + column + 8)
            store(a1, out + chunk + column); store(b1, out + chunk + column + 8)
            store(a2, out + 2 * chunk + column); store(b2, out + 2 * chunk + column + 8)
            store(a3, out + 3 * chunk + column); store(b3, out + 3 * chunk + column + 8)
        }
    }

    @inline(__always)
    private static func multiplyOneRow(_ w: UnsafePointer<Float>, inner: Int, _ input: UnsafePointer<Float>,
                                       bias: Float, into out: UnsafeMutablePointer<Float>) {
        for column in stride(from: 0, to: chunk, by: 16) {
            var a = Vector(repeating: bias), b = a
            var source = input + column
            for k in 0 ..< inner {
                let s = Vector(repeating: w[k])
                a = a.addingProduct(s, load(source))
                b = b.addingProduct(s, load(source + 8))
                source += chunk
            }
            store(a, out + column)
            store(b, out + column + 8)
        }
    }

    /// Σ_b x[b]·y[b] over one 64-wide row, in a fixed order.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var sum = Vector()
        for v in 0 ..< vectorsPerRow { sum = sum.addingProduct(load(x + 8 * v), load(y + 8 * v)) }
        return sum.sum()
    }

    /// Σ_b x[b] over one 64-wide row, in a fixed order.
    @inline(__always)
    static func rowSum(_ x: UnsafePointer<Float>) -> Float {
        var sum = Vector()
        for v in 0 ..< vectorsPerRow { sum += load(x + 8 * v) }
        return sum.sum()
    }

    /// row[:] += scale · source[:], one 64-wide row.
    @inline(__always)
    static func addScaled(_ source: UnsafePointer<Float>, _ scale: Float, to row: UnsafeMutablePointer<Float>) {
        let s = Vector(repeating: scale)
        for v in 0 ..< vectorsPerRow { store(load(row + 8 * v).addingProduct(s, load(source + 8 * v)), row + 8 * v) }
    }

    /// row[:] += source[:] ⊙ scales[:], one 64-wide row.
    @inline(__always)
    static func addProduct(_ source: UnsafePointer<Float>, _ scales: UnsafePointer<Float>,
                           to row: UnsafeMutablePointer<Float>) {
        for v in 0 ..< vectorsPerRow {
            store(load(row + 8 * v).addingProduct(load(scales + 8 * v), load(source + 8 * v)), row + 8 * v)
        }
    }

    /// row[:] += value, one 64-wide row.
    @inline(__always)
    static func addConstant(_ value: Float, to row: UnsafeMutablePointer<Float>) {
        let s = Vector(repeating: value)
        for v in 0 ..< vectorsPerRow { store(load(row + 8 * v) + s, row + 8 * v) }
    }
}
