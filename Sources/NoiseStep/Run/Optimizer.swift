/// Which algorithm trains the ternary model.
public enum Optimizer: String, Sendable, CaseIterable, Codable {
    /// noise_step: the method this program is about.
    case noiseStep = "noise-step"
    /// The paper's baseline: fp32 latent weights, Adam and a straight-through ternarization.
    case adamSTE = "adam-ste"
}
