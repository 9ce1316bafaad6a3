import NoiseStepKernels

/// Forward mode through a dense layer (the paper's JVP): a perturbation's entries give
/// dz = x·ν rows, layer norm gives the tangent of a, and W carries a tangent to the next
/// layer's z.
///
/// Through layer norm a K-row tangent becomes dense, but with a known structure:
///   dh = mask ⊙ invσ ⊙ (dz − mean(dz) − n·mean(dz⊙n)),
/// so the next dense layer's tangent is W·dh = W(mask⊙invσ⊙dz) − invσ·mean(dz)·(W·mask)
///                                            − invσ·mean(dz⊙n)·(W·h),
/// where W·h = z_next − bias and W·mask is shared by every perturbation of the chunk: K + 2
/// row updates instead of a full product (`tangent(afterSparse:…)`).
extension DenseWorker {
    func sparseTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput,
                       into sparse: UnsafeMutablePointer<Float>) -> [Int] {
        gatherRows(entries, floats: Kernels.chunk, into: sparse) { add($0, input: input, to: $1) }
    }

    /// tangent[r, :] += s·x[j, :] (a weight) or s (a bias, valid examples only) for each entry.
    func addTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput, to tangent: UnsafeMutablePointer<Float>) {
        for entry in entries { add(entry, input: input, to: tangent + Int(entry.row) * Kernels.chunk) }
    }

    private func add(_ entry: Kernels.Entry, input: LayerInput, to row: UnsafeMutablePointer<Float>) {
        let sign = Float(entry.sign)
        if entry.column < 0 {
            for b in 0 ..< input.valid { row[b] += sign }
        } else {
            Kernels.addScaled(input.values + Int(entry.column) * Kernels.chunk, sign, to: row)
        }
    }

    func activationTangent(_ dz: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        activation.tangent(dz, into: out)
    }

    func linearTangent(_ inputTangent: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        precondition(!place.isFirst)
        Kernels.multiply(stage.matrix.pointer, rows: outputs, inner: inputs, inputTangent, bias: nil, into: out)
    }

    /// The K + 2 row updates, after a dense hidden layer; false after any other layer.
    func tangent(afterSparse rows: [Int], sparse: UnsafeMutablePointer<Float>, of previous: any LayerWorker,
                 scratch: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>) -> Bool {
        guard let previous = previous as? DenseWorker, previous.place.hasActivation, !place.isFirst else { return false }
        if !maskProductReady {
            let mask = scratch, n = previous.activation.normalized.pointer
            for index in 0 ..< previous.outputs * Kernels.chunk { mask[index] = n[index] > 0 ? 1 : 0 }
            Kernels.multiply(stage.matrix.pointer, rows: outputs, inner: inputs, mask, bias: nil,
                             into: maskProduct.pointer)
            maskProductReady = true
        }
        // Per example: a = invσ·mean(dz), c = invσ·mean(dz⊙n), in the first two scratch rows.
        let meanTerm = scratch, normTerm = scratch + Kernels.chunk
        rows.withUnsafeBufferPointer { rows in
            Kernels.tangentStatistics(sparse: sparse, rows: rows, width: previous.outputs,
                                      normalized: previous.activation.normalized.pointer,
                                      inverseDeviation: previous.activation.inverseDeviation.pointer,
                                      meanTerm: meanTerm, normTerm: normTerm)
            Kernels.lowRankTangent(outputs: outputs, meanTerm: meanTerm, normTerm: normTerm,
                                   maskProduct: maskProduct.pointer, zNext: z.pointer, bias: stage.bias.pointer,
                                   transposed: stage.transposed.pointer, sparse: sparse, rows: rows, into: out)
        }
        return true
    }
}
