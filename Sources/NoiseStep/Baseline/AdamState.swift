import Foundation
import NoiseStepKernels

/// The persistent state of the Adam + straight-through baseline: latent fp32 weights and
/// Adam's two moment estimates, one Float each per parameter (12 bytes per parameter),
/// all in flat parameter order (see `ModelShape`).
///
/// Each parameter is updated from its own gradient only, so rows may be updated by any
/// worker in any order with the same result.
// @unchecked: FloatBuffers are raw storage; workers update disjoint parameter ranges.
final class AdamState: @unchecked Sendable {
    let settings: AdamSettings
    /// [parameters] latent weights, in [−latentLimit, latentLimit].
    let latent: FloatBuffer
    /// [parameters] first moment (mean of gradients).
    let firstMoment: FloatBuffer
    /// [parameters] second moment (mean of squared gradients).
    let secondMoment: FloatBuffer

    /// Latent weights equal to `model`'s ternary values; moments 0.
    init(model: TernaryModel, settings: AdamSettings) {
        self.settings = settings
        let values = model.flatParameters
        latent = FloatBuffer(count: values.count)
        firstMoment = FloatBuffer(count: values.count)
        secondMoment = FloatBuffer(count: values.count)
        for (index, value) in values.enumerated() { latent.pointer[index] = Float(value) }
    }

    var parameterCount: Int { latent.count }
    var bytes: Int { 3 * parameterCount * MemoryLayout<Float>.size }

    /// The step-dependent factors of update number `step` (1-based), computed once per
    /// step; each incoming gradient is multiplied by `gradientScale`.
    func factors(step: Int, gradientScale: Float = 1) -> Kernels.AdamFactors {
        let s = settings
        let correction1 = 1 - Foundation.pow(s.beta1, Double(step))
        let correction2 = 1 - Foundation.pow(s.beta2, Double(step))
        var factors = Kernels.AdamFactors(stepSize: Float(s.learningRate / correction1),
                                          inverseCorrection2: Float(1 / correction2.squareRoot()),
                                          beta1: Float(s.beta1), beta2: Float(s.beta2), epsilon: Float(s.epsilon),
                                          limit: Float(s.latentLimit))
        factors.gradientScale = gradientScale
        return factors
    }

    /// One Adam update of parameters [start, start + count) from `gradients`, then the
    /// clamp to ±latentLimit (`Kernels.adamUpdate`).
    func update(start: Int, count: Int, gradients: UnsafePointer<Float>, _ factors: Kernels.AdamFactors) {
        Kernels.adamUpdate(theta: latent.pointer + start, m: firstMoment.pointer + start,
                           v: secondMoment.pointer + start, gradients: gradients, count: count, factors)
    }

    /// Rewrites `model`'s ternary values from the latent weights.
    /// - Returns: how many ternary values changed.
    func ternarize(into model: inout TernaryModel) -> Int {
        precondition(model.shape.parameterCount == parameterCount)
        var changed = 0
        for place in model.shape.places where place.parameters != nil {
            let layer = place.index, offset = place.parameterOffset, weights = model.layers[layer].weights.count
            changed += Self.repack(&model.layers[layer].weights, from: latent.pointer + offset)
            changed += Self.repack(&model.layers[layer].bias, from: latent.pointer + offset + weights)
        }
        return changed
    }

    /// Sets `matrix` to the ternary values of latent weights [rows, columns] row-major,
    /// returning how many entries changed.
    private static func repack(_ matrix: inout TernaryMatrix, from latent: UnsafePointer<Float>) -> Int {
        matrix.replaceAll(with: (0 ..< matrix.count).map { ternary(latent[$0]) })
    }

    /// The ternary value of a latent weight: round(clamp(θ, −1, 1)), ties to even as in
    /// `torch.round`, so ±0.5 becomes 0.
    @inline(__always)
    static func ternary(_ theta: Float) -> Int8 {
        Int8(min(1, max(-1, theta)).rounded(.toNearestOrEven))
    }
}
