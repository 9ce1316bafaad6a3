/// The Adam update of the straight-through baseline, one run of parameters at a time.
extension Kernels {
    /// The step-dependent factors of one Adam update, computed once per step.
    package struct AdamFactors: Sendable {
        package var stepSize: Float
        package var inverseCorrection2: Float
        package var beta1: Float, beta2: Float, epsilon: Float
        /// Latent weights are clamped to ±limit after the update.
        package var limit: Float
        /// Multiplies each incoming gradient, e.g. 1/batch to turn a summed loss into a mean.
        package var gradientScale: Float = 1

        package init(stepSize: Float, inverseCorrection2: Float, beta1: Float, beta2: Float, epsilon: Float,
                     limit: Float) {
            self.stepSize = stepSize
            self.inverseCorrection2 = inverseCorrection2
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.limit = limit
        }
    }

    /// One Adam update of `count` parameters from `gradients`, then the clamp to ±limit.
    /// Written like torch's single-tensor Adam: m ← lerp(m, g, 1 − β1),
    /// v ← β2·v + (1 − β2)·g², θ ← θ − (lr / (1 − β1ᵗ)) · m / (√v / √(1 − β2ᵗ) + ε).
    ///
    /// - theta, m, v, gradients: [count]. Each parameter reads only its own entries.
    package static func adamUpdate(theta: UnsafeMutablePointer<Float>, m: UnsafeMutablePointer<Float>,
                                   v: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>, count: Int,
                                   _ f: AdamFactors) {
        for i in 0 ..< count {
            let g = gradients[i] * f.gradientScale
            m[i] += (1 - f.beta1) * (g - m[i])
            v[i] = f.beta2 * v[i] + (1 - f.beta2) * g * g
            let denominator = v[i].squareRoot() * f.inverseCorrection2 + f.epsilon
            theta[i] = min(f.limit, max(-f.limit, theta[i] - f.stepSize * m[i] / denominator))
        }
    }
}
