import NoiseStepKernels

/// Everything one worker needs to push one chunk of 64 examples through the network: the
/// loaded inputs, each layer's worker (`LayerWorker`, with that layer's buffers), and the
/// scratch the passes between layers share. Allocated once and reused for every chunk and
/// step.
// @unchecked: its buffers are raw storage; `BatchRunner` hands each workspace to one worker at a time.
final class ChunkWorkspace: @unchecked Sendable {
    let shape: ModelShape
    /// The network inputs feature-major, [inputs, 64], for the first layer's gradient rows;
    /// zero wherever an example has no ink.
    let pixelsByFeature: FloatBuffer
    /// The inked inputs of each example: ink[b] = the j with x[b, j] ≠ 0, ascending, and
    /// those x[b, j] (what the input layer reads).
    let ink: InkLists
    /// The tables of the encoding the loaded chunk uses.
    private(set) var encoding = EncodingTables(.binary)
    /// [64] class labels; only the first `valid` are real examples.
    var labels: [Int]
    var valid = 0
    /// [layer]: each layer's passes over the chunk.
    let workers: [any LayerWorker]
    /// ∂(Σ_b loss_b)/∂logits = softmax − one-hot, zero in padding columns, [classes, 64].
    let outputGradient: FloatBuffer
    /// [widest, 64] scratch rows: a gradient sent back, a tangent through an activation.
    let scratch: FloatBuffer
    /// Forward mode: the dense tangent of the current layer's z, [widest, 64].
    let tangent: FloatBuffer
    /// Forward mode: the rows of a first-touched layer's tangent, [widest, 64].
    let sparseRows: FloatBuffer

    init(stages: [any LayerStage], shape: ModelShape) {
        self.shape = shape
        let chunk = Kernels.chunk
        // Every buffer between layers holds some layer's output (the image only reaches the first).
        let widest = shape.places.map(\.output.features).max() ?? 1
        pixelsByFeature = FloatBuffer(count: chunk * shape.input.features)
        ink = InkLists(examples: chunk, inputs: shape.input.features)
        labels = Array(repeating: 0, count: chunk)
        workers = stages.map { $0.makeWorker() }
        outputGradient = FloatBuffer(count: shape.widths.last! * chunk)
        scratch = FloatBuffer(count: widest * chunk)
        tangent = FloatBuffer(count: widest * chunk)
        sparseRows = FloatBuffer(count: widest * chunk)
    }

    /// What layer `layer` reads: the loaded chunk for the first, the previous layer's
    /// activations after it.
    func input(of layer: Int) -> LayerInput {
        layer == 0 ? LayerInput(values: pixelsByFeature.pointer, ink: ChunkInk(lists: ink, unitLevels: encoding.kind == .binary,
                                                                               divisor: encoding.kind.divisor), valid: valid)
                   : LayerInput(values: workers[layer - 1].output, ink: nil, valid: valid)
    }

    /// The last layer's output, [classes, 64].
    var logits: UnsafeMutablePointer<Float> { workers[workers.count - 1].output }

    /// Loads examples `indices` (at most 64) of `data`, encoded as `encoding`;
    /// `distortion(slot)` gives the augmentation of each image (nil: none).
    ///
    /// Only the entries the previous chunk inked are cleared, and only inked inputs are
    /// written: a whole-pixel shift is applied while storing, without a copy of the image;
    /// only a resampling warp works on a copy.
    func load(_ indices: ArraySlice<Int>, from data: Dataset, encoding: InputEncoding,
              distortion: ((Int) -> Augmentation.Distortion?)? = nil) {
        precondition(indices.count <= Kernels.chunk && shape.input == .image)
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
