/// Every buffer one worker needs to push one chunk of 64 examples through the network,
/// allocated once and reused for every chunk and step.
final class ChunkWorkspace: @unchecked Sendable {
    let shape: ModelShape
    /// [64, inputs] example-major network inputs (encoded pixels); padding rows are 0.
    let pixels: FloatBuffer
    /// The same inputs feature-major, [inputs, 64], for the first layer's gradient rows.
    let pixelsByFeature: FloatBuffer
    /// The inked inputs of each example: ink[b] = the j with pixels[b, j] ≠ 0, ascending.
    let ink: InkLists
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
    /// Forward mode: the tangent of the current layer and the next, [maxWidth, 64] each.
    let tangent: FloatBuffer
    let nextTangent: FloatBuffer
    /// Forward mode: the sparse rows of a first-touched layer's tangent, [maxRows, 64].
    let sparseRows: FloatBuffer
    let maxSparseRows: Int
    /// Forward mode: [hidden layer l] → W_{l+1} · mask_l, [outputs of l+1, 64]; filled per chunk.
    let maskProducts: [FloatBuffer]

    init(shape: ModelShape) {
        self.shape = shape
        let chunk = Kernels.chunk
        let hidden = shape.layerCount - 1
        let widest = shape.widths[1...].max()!
        pixels = FloatBuffer(count: chunk * shape.widths[0])
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
        nextTangent = FloatBuffer(count: widest * chunk)
        maxSparseRows = widest
        sparseRows = FloatBuffer(count: widest * chunk)
        maskProducts = (0 ..< hidden).map { FloatBuffer(count: shape.outputs(of: $0 + 1) * chunk) }
    }

    /// Loads examples `indices` (at most 64) of `data`, encoded as `encoding`;
    /// `transform(slot, &image)` may first change each image (augmentation).
    ///
    /// Only the entries the previous chunk inked are cleared in the example-major buffer;
    /// the feature-major one is rebuilt by a tiled transpose, which writes whole rows
    /// instead of scattering one value per inked pixel.
    func load(_ indices: ArraySlice<Int>, from data: Dataset, encoding: InputEncoding,
              transform: ((Int, inout [UInt8]) -> Void)? = nil) {
        precondition(indices.count <= Kernels.chunk)
        let inputs = shape.widths[0], chunk = Kernels.chunk
        for b in 0 ..< chunk {
            for j in ink[b] { pixels.pointer[b * inputs + Int(j)] = 0 }
            ink.counts[b] = 0
        }
        valid = indices.count
        let table = encoding.table
        var image = [UInt8](repeating: 0, count: transform == nil ? 0 : inputs)
        data.pixels.withUnsafeBufferPointer { all in
            for (b, index) in indices.enumerated() {
                labels[b] = Int(data.labels[index])
                let source = UnsafeBufferPointer(rebasing: all[index * inputs ..< (index + 1) * inputs])
                if let transform {
                    for j in 0 ..< inputs { image[j] = source[j] }
                    transform(b, &image)
                    image.withUnsafeBufferPointer { store($0, slot: b, table: table) }
                } else {
                    store(source, slot: b, table: table)
                }
            }
        }
        transposePixels()
    }

    /// pixelsByFeature[j, b] = pixels[b, j], in 8 × 8 tiles that stay in L1.
    private func transposePixels() {
        let inputs = shape.widths[0], chunk = Kernels.chunk
        let source = pixels.pointer, target = pixelsByFeature.pointer
        for j0 in stride(from: 0, to: inputs, by: 8) {
            let rows = min(8, inputs - j0)
            for b0 in stride(from: 0, to: chunk, by: 8) {
                for j in j0 ..< j0 + rows {
                    for b in b0 ..< b0 + 8 { target[j * chunk + b] = source[b * inputs + j] }
                }
            }
        }
    }

    /// Writes one image's encoded inputs into slot `b` of both layouts and lists its ink.
    private func store(_ image: UnsafeBufferPointer<UInt8>, slot b: Int, table: [Float]) {
        let row = pixels.pointer + b * image.count
        let list = ink.indices + b * image.count
        var count = 0
        for j in 0 ..< image.count where image[j] != 0 {
            row[j] = table[Int(image[j])]
            list[count] = Int32(j)
            count += 1
        }
        ink.counts[b] = count
    }
}

/// Per example, the indices of its nonzero inputs: fixed storage, refilled per chunk.
final class InkLists: @unchecked Sendable {
    let inputs: Int
    /// [examples, inputs]; the first counts[b] entries of row b are used.
    let indices: UnsafeMutablePointer<Int32>
    let counts: UnsafeMutablePointer<Int>

    init(examples: Int, inputs: Int) {
        self.inputs = inputs
        indices = .allocate(capacity: examples * inputs)
        counts = .allocate(capacity: examples)
        counts.initialize(repeating: 0, count: examples)
    }

    deinit {
        indices.deallocate()
        counts.deallocate()
    }

    subscript(example: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: indices + example * inputs, count: counts[example])
    }
}

extension InputEncoding {
    /// encode(v) for every byte value v, so that loading costs a table lookup.
    var table: [Float] { (0 ... 255).map { encode(UInt8($0)) } }
}
