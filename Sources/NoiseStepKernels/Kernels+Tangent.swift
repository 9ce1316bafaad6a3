import CNoiseStepKernels

/// The inner loops of forward-mode alignment: a tangent held in K sparse rows, pushed
/// through layer norm and the next layer as K + 2 row updates (see ForwardAlignment).
extension Kernels {
    /// For one perturbation's K sparse tangent rows dz_k (output rows `rows[k]` of a layer
    /// of `width` features): meanTerm = invσ·mean(dz), normTerm = invσ·mean(dz⊙n) per
    /// example, and each sparse row becomes mask ⊙ invσ ⊙ dz_k, in place.
    ///
    /// - sparse: [K, 64]; rows: [K]; normalized: [width, 64]; inverseDeviation, meanTerm, normTerm: [64].
    package static func tangentStatistics(sparse: UnsafeMutablePointer<Float>, rows: UnsafeBufferPointer<Int>,
                                          width: Int, normalized n: UnsafePointer<Float>,
                                          inverseDeviation inverse: UnsafePointer<Float>,
                                          meanTerm: UnsafeMutablePointer<Float>, normTerm: UnsafeMutablePointer<Float>) {
        withUnsafePointer(to: 0) { none in
            ns_tangent_statistics(sparse, rows.baseAddress ?? none, rows.count, width, n, inverse, meanTerm, normTerm)
        }
    }

    /// tangent[o] = −meanTerm·maskProduct[o] − normTerm·(zNext[o] − bias[o]) + Σ_k W[o, rows[k]]·sparse[k]:
    /// the next layer's tangent W·dh from the terms of `tangentStatistics`.
    ///
    /// - maskProduct, zNext, tangent: [outputs, 64]; bias: [outputs];
    ///   transposed: [width, outputs] (Wᵀ); sparse: [K, 64]; rows: [K].
    package static func lowRankTangent(outputs: Int, meanTerm: UnsafePointer<Float>, normTerm: UnsafePointer<Float>,
                                       maskProduct: UnsafePointer<Float>, zNext: UnsafePointer<Float>,
                                       bias: UnsafePointer<Float>, transposed: UnsafePointer<Float>,
                                       sparse: UnsafePointer<Float>, rows: UnsafeBufferPointer<Int>,
                                       into tangent: UnsafeMutablePointer<Float>) {
        withUnsafePointer(to: 0) { none in
            ns_low_rank_tangent(outputs, meanTerm, normTerm, maskProduct, zNext, bias, transposed, sparse,
                                rows.baseAddress ?? none, rows.count, tangent)
        }
    }
}
