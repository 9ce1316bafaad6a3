/// The hot loops of training and inference, over raw pointers, in a target of their own
/// that Package.swift compiles with -Ounchecked: everything that parses files stays in
/// the engine, with bounds checks and preconditions.
///
/// Activations are feature-major chunks: a [features, 64] row-major block holds one chunk
/// of 64 examples, so every row is eight SIMD8 vectors. Each kernel sums in a fixed order,
/// so results never depend on how chunks are spread over threads. Callers own the
/// bounds: every pointer must cover the shape its parameters describe.
package enum Kernels {
    /// Examples per chunk; a chunk row is `chunk` floats.
    package static let chunk = 64
    package typealias Vector = SIMD8<Float>
    /// SIMD8 vectors per chunk row.
    package static let vectorsPerRow = chunk / Vector.scalarCount

    @inlinable @inline(__always)
    package static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inlinable @inline(__always)
    package static func store(_ value: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Vector.self)
    }

    /// column[i · stride] = value[i] for the eight lanes.
    @inlinable @inline(__always)
    package static func scatter(_ value: Vector, _ column: UnsafeMutablePointer<Float>, stride: Int) {
        for i in 0 ..< Vector.scalarCount { column[i * stride] = value[i] }
    }

    /// Σ_b x[b]·y[b] over one 64-wide row, in a fixed order.
    @inlinable @inline(__always)
    package static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var sum = Vector()
        for v in 0 ..< vectorsPerRow { sum = sum.addingProduct(load(x + 8 * v), load(y + 8 * v)) }
        return sum.sum()
    }

    /// Σ_b x[b] over one 64-wide row, in a fixed order.
    @inlinable @inline(__always)
    package static func rowSum(_ x: UnsafePointer<Float>) -> Float {
        var sum = Vector()
        for v in 0 ..< vectorsPerRow { sum += load(x + 8 * v) }
        return sum.sum()
    }

    /// row[:] += scale · source[:], one 64-wide row.
    @inlinable @inline(__always)
    package static func addScaled(_ source: UnsafePointer<Float>, _ scale: Float, to row: UnsafeMutablePointer<Float>) {
        let s = Vector(repeating: scale)
        for v in 0 ..< vectorsPerRow { store(load(row + 8 * v).addingProduct(s, load(source + 8 * v)), row + 8 * v) }
    }
}
