import NoiseStepKernels

/// Every buffer one worker needs to push one chunk of 64 examples through the network,
/// allocated once and reused for every chunk and step.
// @unchecked: its buffers are raw storage; `BatchRunner` hands each workspace to one worker at a time.
final class ChunkWorkspace: @unchecked Sendable {
    let shape: ModelShape
    /// The network inputs feature-major, [inputs, 64], for the first layer's gradient rows;
    /// zero wherever an example has no ink.
    let pixelsByFeature: FloatBuffer
    /// The inked inputs of each example: ink[b] = the j with x[b, j] ≠ 0, ascending, and
    /// those x[b, j] (what the input layer reads).
    let ink: InkLists
    /// The input layer's partial sums.
    let inputScratch = InputLayerScratch()
    /// The tables of the encoding the loaded chunk uses.
    private(set) var encoding = EncodingTables(.binary)
    /// [64] class labels; only the first `valid` are real examples.
    var labels: [Int]
    var valid = 0
    /// [layer] → pre-activations z, [outputs, 64].
    let z: [FloatBuffer]
    /// [hidden layer] → layer-normalized z, [outputs, 64].
    let normalized: [FloatBuffer]
    /// [hidden layer] → max(normalized, 0), [outputs, 64].
    let rectified: [FloatBuffer]
    /// [hidden layer] → 1/sqrt(var + eps) per example, [64].
    let inverseDeviation: [FloatBuffer]
    /// ∂(Σ_b loss_b)/∂logits = softmax − one-hot, zero in padding columns, [classes, 64].
    let outputGradient: FloatBuffer
    /// [layer] → reverse mode: ∂(Σ loss)/∂z, [outputs, 64].
    let delta: [FloatBuffer]
    /// [maxWidth, 64] scratch rows.
    let scratch: FloatBuffer
    /// Forward mode: the tangent of the current layer, [maxWidth, 64].
    let tangent: FloatBuffer
    /// Forward mode: the sparse rows of a first-touched layer's tangent, [maxWidth, 64].
    let sparseRows: FloatBuffer
    /// Forward mode: [hidden layer l] → W_{l+1} · mask_l, [outputs of l+1, 64]; filled per chunk.
    let maskProducts: [FloatBuffer]

    init(shape: ModelShape) {
        self.shape = shape
        let chunk = Kernels.chunk
        let hidden = shape.layerCount - 1
        let widest = shape.widths[1...].max()!
        pixelsByFeature = FloatBuffer(count: chunk * shape.widths[0])
        ink = InkLists(examples: chunk, inputs: shape.widths[0])
        labels = Array(repeating: 0, count: chunk)
        z = (0 ..< shape.layerCount).map { FloatBuffer(count: shape.outputs(of: $0) * chunk) }
        normalized = (0 ..< hidden).map { FloatBuffer(count: shape.outputs(of: $0) * chunk) }
        rectified = (0 ..< hidden).map { FloatBuffer(count: shape.outputs(of: $0) * chunk) }
        inverseDeviation = (0 ..< hidden).map { _ in FloatBuffer(count: chunk) }
        outputGradient = FloatBuffer(count: shape.widths.last! * chunk)
        delta = (0 ..< shape.layerCount).map { FloatBuffer(count: shape.outputs(of: $0) * chunk) }
        scratch = FloatBuffer(count: widest * chunk)
        tangent = FloatBuffer(count: widest * chunk)
        sparseRows = FloatBuffer(count: widest * chunk)
        maskProducts = (0 ..< hidden).map { FloatBuffer(count: shape.outputs(of: $0 + 1) * chunk) }
    }

    /// Loads examples `indices` (at most 64) of `data`, encoded as `encoding`;
    /// `distortion(slot)` gives the augmentation of each image (nil: none).
    ///
    /// Only the entries the previous chunk inked are cleared, and only inked inputs are
    /// written: a whole-pixel shift is applied while storing, without a copy of the image;
    /// only a resampling warp works on a copy.
    func load(_ indices: ArraySlice<Int>, from data: Dataset, encoding: InputEncoding,
              distortion: ((Int) -> Augmentation.Distortion?)? = nil) {
        precondition(indices.count <= Kernels.chunk && shape.widths[0] == Dataset.pixelsPerImage)
        let inputs = Kernels.ChunkInputs(byFeature: pixelsByFeature.pointer, ink: ink)
        Kernels.clearInk(inputs)
        valid = indices.count
        if encoding != self.encoding.kind { self.encoding = EncodingTables(encoding) }
        data.pixels.withUnsafeBufferPointer { all in
            for (slot, index) in indices.enumerated() {
                precondition(index >= 0 && index < data.count)
                labels[slot] = Int(data.labels[index])
                store(all.baseAddress! + index * Dataset.pixelsPerImage, slot: slot, warp: distortion?(slot), into: inputs)
            }
        }
    }

    /// Stores one 28×28 image into `slot`: shifted while stored, or warped on a copy first.
    private func store(_ image: UnsafePointer<UInt8>, slot: Int, warp: Augmentation.Distortion?,
                       into inputs: Kernels.ChunkInputs) {
        let side = Dataset.side, values = encoding.values.pointer, levels = encoding.levels.pointer
        guard let warp, warp.wholePixelShift == nil else {
            Kernels.storeImage(image, rows: side, columns: side, shift: warp?.wholePixelShift ?? (0, 0), slot: slot,
                               values: values, levels: levels, into: inputs)
            return
        }
        var warped = Array(UnsafeBufferPointer(start: image, count: Dataset.pixelsPerImage))
        warp.apply(to: &warped)
        warped.withUnsafeBufferPointer {
            Kernels.storeImage($0.baseAddress!, rows: side, columns: side, shift: (0, 0), slot: slot, values: values,
                               levels: levels, into: inputs)
        }
    }
}
