import NoiseStepKernels

/// `--alignment forward`: the paper's forward-mode Jacobian-vector product. For each
/// perturbation ν_i the tangent dz = ∂z/∂θ·ν_i is carried along the forward pass, layer
/// by layer, and α_i = Σ_b ∂loss_b/∂logits · dz_logits. No backward pass is run.
///
/// The tangent starts at the first layer ν_i touches, held in the rows it touches
/// (`LayerWorker.sparseTangent`). The next layer takes it from there, cheaply where it can
/// (a dense layer after layer norm: K + 2 row updates), else from the densified tangent;
/// every later layer takes the activation's tangent through its own weights, and each
/// adds the tangent of its own entries of ν_i.
extension ChunkWorkspace {
    /// Adds this chunk's share of α_i to `alignments[i]` for every perturbation.
    /// Call after `forward` and `softmaxCrossEntropy`.
    func forwardAlignments(entries: PerturbationEntries, into alignments: UnsafeMutablePointer<Double>) {
        let last = workers.count - 1, chunk = Kernels.chunk
        for (sample, ranges) in entries.ranges.enumerated() {
            guard let first = ranges.firstIndex(where: { !$0.isEmpty }) else { continue }
            let rows = workers[first].sparseTangent(entries.byLayer[first][ranges[first]], input: input(of: first),
                                                    into: sparseRows.pointer)
            if first == last {
                var sum: Float = 0
                for (slot, row) in rows.enumerated() {
                    sum += Kernels.dot(outputGradient.pointer + row * chunk, sparseRows.pointer + slot * chunk)
                }
                alignments[sample] += Double(sum)
                continue
            }
            nextTangent(after: first, rows: rows)
            workers[first + 1].addTangent(entries.byLayer[first + 1][ranges[first + 1]], input: input(of: first + 1),
                                          to: tangent.pointer)
            for layer in first + 1 ..< last {
                workers[layer].activationTangent(tangent.pointer, into: scratch.pointer)
                workers[layer + 1].linearTangent(scratch.pointer, into: tangent.pointer)
                workers[layer + 1].addTangent(entries.byLayer[layer + 1][ranges[layer + 1]], input: input(of: layer + 1),
                                              to: tangent.pointer)
            }
            var sum: Float = 0
            for c in 0 ..< shape.widths.last! {
                sum += Kernels.dot(outputGradient.pointer + c * chunk, tangent.pointer + c * chunk)
            }
            alignments[sample] += Double(sum)
        }
    }

    /// `tangent` = dz of layer `layer + 1` from layer `layer`'s dz held in `sparseRows`:
    /// the next layer's own way when it has one (which may use up `sparseRows`), else
    /// `densifiedNextTangent`.
    func nextTangent(after layer: Int, rows: [Int]) {
        if workers[layer + 1].tangent(afterSparse: rows, sparse: sparseRows.pointer, of: workers[layer],
                                      scratch: scratch.pointer, into: tangent.pointer) { return }
        densifiedNextTangent(after: layer, rows: rows)
    }

    /// The way any layer takes a sparse tangent: written out in full, through layer
    /// `layer`'s activation, then through the next layer's weights. `sparseRows` is kept.
    func densifiedNextTangent(after layer: Int, rows: [Int]) {
        let next = workers[layer + 1], chunk = Kernels.chunk
        tangent.pointer.update(repeating: 0, count: shape.places[layer].output.features * chunk)
        for (slot, row) in rows.enumerated() {
            (tangent.pointer + row * chunk).update(from: sparseRows.pointer + slot * chunk, count: chunk)
        }
        workers[layer].activationTangent(tangent.pointer, into: scratch.pointer)
        next.linearTangent(scratch.pointer, into: tangent.pointer)
    }
}
