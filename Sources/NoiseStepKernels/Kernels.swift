import CNoiseStepKernels

/// The hot loops of training and inference over raw buffers. The floating-point loops are
/// C (`CNoiseStepKernels`), built once plain and once for AVX2 + FMA, the second chosen at
/// run time where the CPU has them: a build without any CPU flag runs fast on every
/// x86-64 machine, and the two give the same bits. This face gives every buffer's shape.
///
/// Activations are feature-major chunks: a [features, 64] row-major block holds one chunk
/// of 64 examples. Each kernel sums in a fixed order, so results never depend on how chunks
/// are spread over threads. Callers own the bounds: every pointer must cover the shape its
/// parameters describe.
package enum Kernels {
    /// Examples per chunk; a chunk row is `chunk` floats.
    package static let chunk = 64

    /// Whether the AVX2 + FMA versions of the kernels run (else the plain ones).
    package static var usesVectorExtensions: Bool { ns_kernels_use_vector_extensions() != 0 }

    /// Runs the plain versions (false), or lets the CPU choose again (true): for tests that
    /// check both give the same bits.
    package static func allowVectorExtensions(_ allow: Bool) { ns_kernels_allow_vector_extensions(allow ? 1 : 0) }

    /// Σ_b x[b]·y[b] over one 64-wide row (fused multiply-adds), in a fixed order.
    @inline(__always)
    package static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float { ns_dot(x, y) }

    /// Σ_b x[b] over one 64-wide row, in a fixed order.
    @inline(__always)
    package static func rowSum(_ x: UnsafePointer<Float>) -> Float { ns_row_sum(x) }

    /// One nonzero entry of a perturbation in a dense layer (see `readGradients`).
    package typealias Entry = ns_perturbation_entry

    /// alignments[e.sample] += e.sign · ∂L/∂θ_e for every entry e of a dense layer, where
    /// ∂L/∂W[r, j] = Σ_b deltas[r, b] · inputs[j, b] and ∂L/∂bias[r] = Σ_b deltas[r, b],
    /// each a fixed-order sum over the chunk, added in entry order.
    /// - deltas: [outputs, 64]; inputs: [inputs, 64]; alignments: [samples].
    package static func readGradients(deltas: UnsafePointer<Float>, inputs: UnsafePointer<Float>,
                                      entries: UnsafeBufferPointer<Entry>, into alignments: UnsafeMutablePointer<Double>) {
        guard let first = entries.baseAddress else { return }
        ns_read_gradients(deltas, inputs, first, entries.count, alignments)
    }

    /// row[:] += scale · source[:], one 64-wide row, fused.
    @inline(__always)
    package static func addScaled(_ source: UnsafePointer<Float>, _ scale: Float, to row: UnsafeMutablePointer<Float>) {
        ns_add_scaled(source, scale, row)
    }
}
