import NoiseStepKernels

/// `--alignment forward`: the paper's forward-mode Jacobian-vector product. For each
/// perturbation ν_i the tangent dz = ∂z/∂θ·ν_i is carried along the forward pass, layer
/// by layer, and α_i = Σ_b ∂loss_b/∂logits · dz_logits. No backward pass is run.
///
/// The tangent starts at the first layer ν_i touches, nonzero only in the K rows it
/// touches. Through layer norm a K-row tangent becomes dense, but with a known structure:
///   dh = mask ⊙ invσ ⊙ (dz − mean(dz) − n·mean(dz⊙n)),
/// so the next layer's tangent is W·dh = W(mask⊙invσ⊙dz) − invσ·mean(dz)·(W·mask)
///                                        − invσ·mean(dz⊙n)·(W·h),
/// where W·h = z_next − bias and W·mask is shared by every perturbation of the chunk.
/// That costs K + 2 row updates instead of a full matrix product; deeper layers take
/// the dense product.
extension ChunkWorkspace {
    /// Adds this chunk's share of α_i to `alignments[i]` for every perturbation.
    /// Call after `forward` and `softmaxCrossEntropy`.
    func forwardAlignments(_ weights: ExpandedWeights, entries: PerturbationEntries,
                           into alignments: UnsafeMutablePointer<Double>) {
        let layers = shape.layerCount
        var maskProductReady = Array(repeating: false, count: layers - 1)
        for (sample, ranges) in entries.ranges.enumerated() {
            guard let first = ranges.firstIndex(where: { !$0.isEmpty }) else { continue }
            let rows = sparseTangent(layer: first, entries: entries.byLayer[first][ranges[first]])
            if first == layers - 1 {
                var sum: Float = 0
                for (slot, row) in rows.enumerated() {
                    sum += Kernels.dot(outputGradient.pointer + row * Kernels.chunk, sparseRows.pointer + slot * Kernels.chunk)
                }
                alignments[sample] += Double(sum)
                continue
            }
            if !maskProductReady[first] {
                fillMaskProduct(weights, hidden: first)
                maskProductReady[first] = true
            }
            lowRankNextTangent(weights, hidden: first, rows: rows)
            addPerturbation(entries.byLayer[first + 1][ranges[first + 1]], layer: first + 1, to: tangent.pointer)
            var layer = first + 1
            while layer < layers - 1 {
                Kernels.layerNormDerivative(tangent.pointer, rows: shape.outputs(of: layer),
                                            normalized: normalized[layer].pointer,
                                            inverseDeviation: inverseDeviation[layer].pointer,
                                            maskInput: false, maskOutput: true, into: scratch.pointer)
                Kernels.multiply(weights.matrices[layer + 1].pointer, rows: shape.outputs(of: layer + 1),
                                 inner: shape.outputs(of: layer), scratch.pointer, bias: nil, into: tangent.pointer)
                addPerturbation(entries.byLayer[layer + 1][ranges[layer + 1]], layer: layer + 1, to: tangent.pointer)
                layer += 1
            }
            var sum: Float = 0
            for c in 0 ..< shape.outputs(of: layers - 1) {
                sum += Kernels.dot(outputGradient.pointer + c * Kernels.chunk, tangent.pointer + c * Kernels.chunk)
            }
            alignments[sample] += Double(sum)
        }
    }

    /// Writes the tangent of z_layer for one perturbation's entries of that layer into
    /// `sparseRows`, one row per distinct output row touched.
    /// - Returns: the output row of each slot of `sparseRows`.
    private func sparseTangent(layer: Int, entries: ArraySlice<PerturbationEntries.Entry>) -> [Int] {
        let chunk = Kernels.chunk
        var rows: [Int] = []
        for entry in entries {
            let row = Int(entry.row)
            var slot = rows.firstIndex(of: row) ?? -1
            if slot < 0 {
                slot = rows.count
                rows.append(row)
                sparseRows.pointer.advanced(by: slot * chunk).update(repeating: 0, count: chunk)
            }
            addEntry(entry, layer: layer, to: sparseRows.pointer + slot * chunk)
        }
        return rows
    }

    /// tangent[r, :] += s·a_{layer−1}[j, :] (a weight) or s (a bias) for each entry.
    private func addPerturbation(_ entries: ArraySlice<PerturbationEntries.Entry>, layer: Int,
                                 to tangent: UnsafeMutablePointer<Float>) {
        for entry in entries { addEntry(entry, layer: layer, to: tangent + Int(entry.row) * Kernels.chunk) }
    }

    private func addEntry(_ entry: PerturbationEntries.Entry, layer: Int, to row: UnsafeMutablePointer<Float>) {
        let sign = Float(entry.sign)
        if entry.column < 0 {
            for b in 0 ..< valid { row[b] += sign }
        } else {
            Kernels.addScaled(layerInput(layer) + Int(entry.column) * Kernels.chunk, sign, to: row)
        }
    }

    /// maskProducts[hidden] = W_{hidden+1} · (normalized_hidden > 0).
    private func fillMaskProduct(_ weights: ExpandedWeights, hidden: Int) {
        let count = shape.outputs(of: hidden) * Kernels.chunk
        let n = normalized[hidden].pointer, mask = scratch.pointer
        for index in 0 ..< count { mask[index] = n[index] > 0 ? 1 : 0 }
        Kernels.multiply(weights.matrices[hidden + 1].pointer, rows: shape.outputs(of: hidden + 1),
                         inner: shape.outputs(of: hidden), mask, bias: nil, into: maskProducts[hidden].pointer)
    }

    /// tangent = W_{hidden+1} · dh_hidden for a tangent dz_hidden held in K sparse rows.
    private func lowRankNextTangent(_ weights: ExpandedWeights, hidden: Int, rows: [Int]) {
        let chunk = Kernels.chunk, next = hidden + 1
        // Per example: a = invσ·mean(dz), c = invσ·mean(dz⊙n), in the first two scratch rows.
        let meanTerm = scratch.pointer, normTerm = scratch.pointer + chunk
        rows.withUnsafeBufferPointer { rows in
            Kernels.tangentStatistics(sparse: sparseRows.pointer, rows: rows, width: shape.outputs(of: hidden),
                                      normalized: normalized[hidden].pointer,
                                      inverseDeviation: inverseDeviation[hidden].pointer,
                                      meanTerm: meanTerm, normTerm: normTerm)
            Kernels.lowRankTangent(outputs: shape.outputs(of: next), meanTerm: meanTerm, normTerm: normTerm,
                                   maskProduct: maskProducts[hidden].pointer, zNext: z[next].pointer,
                                   bias: weights.biases[next].pointer, transposed: weights.transposed[next].pointer,
                                   sparse: sparseRows.pointer, rows: rows, into: tangent.pointer)
        }
    }
}
