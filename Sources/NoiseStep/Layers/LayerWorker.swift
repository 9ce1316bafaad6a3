import NoiseStepKernels

/// One worker's run of one layer over a chunk of 64 examples, with the layer's own
/// buffers ([features, 64] feature-major), made by the layer's stage. `BatchRunner` hands
/// a worker's layers to one thread at a time.
///
/// Names: z is the layer's value before its activation, a = activation(z) its output
/// (a = z for the last layer, whose z are the logits); δ = ∂(Σ_b loss_b)/∂z.
protocol LayerWorker: AnyObject {
    var place: LayerPlace { get }
    /// a after `forward`, [output features, 64]: the next layer's input, or the logits.
    var output: UnsafeMutablePointer<Float> { get }
    /// δ after `takeGradient`, [output features, 64].
    var delta: UnsafeMutablePointer<Float> { get }

    /// z and a of the chunk, and what the backward pass and the tangents need of them.
    func forward(_ input: LayerInput)
    /// δ from ∂L/∂a, [output features, 64] (the loss gradient for the last layer).
    func takeGradient(_ outputGradient: UnsafePointer<Float>)
    /// ∂L/∂(input) = (∂z/∂input)ᵀ δ, [input features, 64], into `out`. Not for the first
    /// layer: nothing before it takes a gradient.
    func sendGradientBack(into out: UnsafeMutablePointer<Float>)
    /// Reverse alignment: alignments[e.sample] += e.sign · ∂L/∂θ_e for each entry e of this
    /// layer, ∂L/∂θ read from δ and the input at the entry's position only.
    func readGradients(_ entries: UnsafeBufferPointer<Kernels.Entry>, input: LayerInput,
                       into alignments: UnsafeMutablePointer<Double>)

    /// Forward mode: dz = (∂z/∂θ)·ν of one perturbation's `entries` in this layer, held in
    /// the rows they touch, [K, 64] in `sparse`. - Returns: the row of each of the K slots.
    func sparseTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput,
                       into sparse: UnsafeMutablePointer<Float>) -> [Int]
    /// Forward mode: tangent += (∂z/∂θ)·ν for `entries`, [output features, 64].
    func addTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput, to tangent: UnsafeMutablePointer<Float>)
    /// Forward mode: da = (∂a/∂z)·dz, [output features, 64]; a copy of dz for a layer
    /// without an activation (`LayerPlace.hasActivation`).
    func activationTangent(_ dz: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>)
    /// Forward mode: dz = (∂z/∂input)·d(input) for a dense input tangent, [input features, 64]
    /// → [output features, 64].
    func linearTangent(_ inputTangent: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>)
    /// Forward mode, when it can be done cheaper than densifying: dz of this layer from the
    /// previous layer's dz held in sparse rows (`sparseTangent`), through the previous
    /// layer's activation. May overwrite `sparse` and `scratch` ([widest, 64]).
    /// - Returns: false when it cannot; the caller then densifies and uses `linearTangent`.
    func tangent(afterSparse rows: [Int], sparse: UnsafeMutablePointer<Float>, of previous: any LayerWorker,
                 scratch: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>) -> Bool
}

extension LayerWorker {
    /// `entries` grouped by their row (an output unit or channel) into slots of `floats`
    /// Floats of `sparse`, each zeroed when its row first appears, then `add` of each entry
    /// into its row's slot. - Returns: the rows, in the order first touched (slot order).
    func gatherRows(_ entries: ArraySlice<Kernels.Entry>, floats: Int, into sparse: UnsafeMutablePointer<Float>,
                    add: (Kernels.Entry, UnsafeMutablePointer<Float>) -> Void) -> [Int] {
        var rows: [Int] = []
        for entry in entries {
            let row = Int(entry.row)
            var slot = rows.firstIndex(of: row) ?? -1
            if slot < 0 {
                slot = rows.count
                rows.append(row)
                sparse.advanced(by: slot * floats).update(repeating: 0, count: floats)
            }
            add(entry, sparse + slot * floats)
        }
        return rows
    }
}
