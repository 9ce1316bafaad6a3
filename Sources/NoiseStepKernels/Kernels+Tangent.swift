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
        let scale = Vector(repeating: 1 / Float(width))
        for v in 0 ..< vectorsPerRow {
            var sumD = Vector(), sumDN = Vector()
            for (slot, row) in rows.enumerated() {
                let d = load(sparse + slot * chunk + 8 * v)
                sumD += d
                sumDN = sumDN.addingProduct(d, load(n + row * chunk + 8 * v))
            }
            let inv = load(inverse + 8 * v)
            store(sumD * scale * inv, meanTerm + 8 * v)
            store(sumDN * scale * inv, normTerm + 8 * v)
            for (slot, row) in rows.enumerated() {
                let d = load(sparse + slot * chunk + 8 * v)
                let nv = load(n + row * chunk + 8 * v)
                store((d * inv).replacing(with: 0, where: nv .<= 0), sparse + slot * chunk + 8 * v)
            }
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
        for o in 0 ..< outputs {
            let target = tangent + o * chunk
            let b = Vector(repeating: bias[o])
            for v in 0 ..< vectorsPerRow {
                let a = load(meanTerm + 8 * v), c = load(normTerm + 8 * v)
                let wh = load(zNext + o * chunk + 8 * v) - b
                store(-(a * load(maskProduct + o * chunk + 8 * v)) - c * wh, target + 8 * v)
            }
            for (slot, row) in rows.enumerated() {
                let w = transposed[row * outputs + o]
                if w != 0 { addScaled(sparse + slot * chunk, w, to: target) }
            }
        }
    }
}
