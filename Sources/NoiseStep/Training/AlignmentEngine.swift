/// How the gradient alignment α = ∇L·ν of each perturbation is computed. Both are exact.
public enum AlignmentEngine: String, Sendable, CaseIterable, Codable {
    /// One forward pass keeping activations, one backward pass of the deltas, then the
    /// gradient is read only at the perturbations' nonzero positions.
    case reverse
    /// The paper's forward-mode Jacobian-vector product, carried along the forward pass.
    case forward
}
