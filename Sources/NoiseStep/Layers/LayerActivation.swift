import NoiseStepKernels

/// A layer's activation over a chunk, layer normalization over all its features (no
/// learned parameters, ε = `LayerNorm.epsilon`) then ReLU, or none (the identity): the
/// buffers its derivatives need and its three passes. One per worker of a layer.
final class LayerActivation {
    let isActive: Bool
    /// Features per example.
    let rows: Int
    /// Layer-normalized z and max(that, 0), [rows, 64], and 1/sqrt(var + ε) per example,
    /// [64]; empty when inactive.
    let normalized: FloatBuffer
    let rectified: FloatBuffer
    let inverseDeviation: FloatBuffer

    init(rows: Int, isActive: Bool) {
        self.isActive = isActive
        self.rows = rows
        normalized = FloatBuffer(count: isActive ? rows * Kernels.chunk : 0)
        rectified = FloatBuffer(count: isActive ? rows * Kernels.chunk : 0)
        inverseDeviation = FloatBuffer(count: isActive ? Kernels.chunk : 0)
    }

    /// a of `z`, [rows, 64]: `rectified` after `forward`, or z itself when inactive.
    func output(of z: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> { isActive ? rectified.pointer : z }

    func forward(_ z: UnsafePointer<Float>) {
        guard isActive else { return }
        Kernels.layerNormForward(z, rows: rows, normalized: normalized.pointer, rectified: rectified.pointer,
                                 inverseDeviation: inverseDeviation.pointer)
    }

    /// δ = ∂L/∂z from ∂L/∂a: LN'ᵀ(mask ⊙ ∂L/∂a), or a copy when inactive.
    func gradient(_ outputGradient: UnsafePointer<Float>, into deltas: UnsafeMutablePointer<Float>) {
        guard isActive else { return deltas.update(from: outputGradient, count: rows * Kernels.chunk) }
        Kernels.layerNormDerivative(outputGradient, rows: rows, normalized: normalized.pointer,
                                    inverseDeviation: inverseDeviation.pointer, maskInput: true, maskOutput: false,
                                    into: deltas)
    }

    /// da = (∂a/∂z)·dz: mask ⊙ LN'(dz), or a copy when inactive.
    func tangent(_ dz: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        guard isActive else { return out.update(from: dz, count: rows * Kernels.chunk) }
        Kernels.layerNormDerivative(dz, rows: rows, normalized: normalized.pointer,
                                    inverseDeviation: inverseDeviation.pointer, maskInput: false, maskOutput: true,
                                    into: out)
    }
}
