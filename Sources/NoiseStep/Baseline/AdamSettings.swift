import Foundation
import NoiseStepKernels

/// Adam's hyperparameters, as in `torch.optim.Adam` and the reference's `--mode adam-ste`.
public struct AdamSettings: Sendable, Equatable, Encodable {
    public var learningRate: Double = 1e-3
    public var beta1: Double = 0.9
    public var beta2: Double = 0.999
    public var epsilon: Double = 1e-8
    /// After each update the latent weights are clamped to ±this, so that a weight pushed
    /// past ±1 can come back within a few steps.
    public var latentLimit: Double = 1.5

    public init(learningRate: Double = 1e-3) { self.learningRate = learningRate }
}
