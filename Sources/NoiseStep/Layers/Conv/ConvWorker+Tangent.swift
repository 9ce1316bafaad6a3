import NoiseStepKernels

/// Forward mode through a convolution: a weight's entry gives its tap of the input at every
/// output position of its channel, a bias's entry 1 there; the tangent then goes through
/// the activation, and a convolution of the tangent carries it on (no bias).
extension ConvWorker {
    /// One row per output position of each channel the entries touch: a channel's whole
    /// plane, [outHeight · outWidth, 64] per channel, in the order first touched.
    func sparseTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput,
                       into sparse: UnsafeMutablePointer<Float>) -> [Int] {
        let plane = shape.outHeight * shape.outWidth
        let channels = gatherRows(entries, floats: plane * Kernels.chunk, into: sparse) {
            add($0, input: input, toPlane: $1)
        }
        return channels.flatMap { $0 * plane ..< ($0 + 1) * plane }
    }

    func addTangent(_ entries: ArraySlice<Kernels.Entry>, input: LayerInput, to tangent: UnsafeMutablePointer<Float>) {
        let floats = shape.outHeight * shape.outWidth * Kernels.chunk
        for entry in entries { add(entry, input: input, toPlane: tangent + Int(entry.row) * floats) }
    }

    /// plane += s·x at the entry's tap (a weight, over the encoded input) or s (a bias,
    /// valid examples only) at every output position.
    private func add(_ entry: Kernels.Entry, input: LayerInput, toPlane plane: UnsafeMutablePointer<Float>) {
        let sign = Float(entry.sign)
        guard entry.column < 0 else {
            return Kernels.convolutionAddTap(input: input.values, tap: Int(entry.column), scale: sign, output: 0,
                                             shape: shape, to: plane)
        }
        for position in 0 ..< shape.outHeight * shape.outWidth {
            let row = plane + position * Kernels.chunk
            for b in 0 ..< input.valid { row[b] += sign }
        }
    }

    func activationTangent(_ dz: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        activation.tangent(dz, into: out)
    }

    func linearTangent(_ inputTangent: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        precondition(!place.isFirst)
        Kernels.convolve(weights: stage.matrix.pointer, bias: nil, input: inputTangent, shape: shape, into: out)
    }

    func tangent(afterSparse rows: [Int], sparse: UnsafeMutablePointer<Float>, of previous: any LayerWorker,
                 scratch: UnsafeMutablePointer<Float>, into out: UnsafeMutablePointer<Float>) -> Bool { false }
}
