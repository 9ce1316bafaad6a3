/// One forward pass of a batch through the training kernels: encode the inputs, run every
/// layer, take the softmax cross-entropy. It is the unit `noisestep bench` times, so a
/// training step can be stated as a multiple of it.
///
/// The weights are expanded once, at init. Not thread-safe: one caller at a time; each
/// `run` fans out over `threads` workers with results bit-identical for any thread count.
public final class ForwardPass {
    public let model: TernaryModel
    public let data: Dataset
    public let encoding: InputEncoding
    private let runner: BatchRunner

    /// - Parameter threads: worker count; 0 means one per active processor.
    public init(model: TernaryModel, data: Dataset, encoding: InputEncoding = .binary, threads: Int = 0) {
        self.model = model
        self.data = data
        self.encoding = encoding
        runner = BatchRunner(shape: model.shape, threads: threads)
        runner.refresh(from: model)
    }

    /// Mean loss and accuracy of the model over examples `indices` of `data`.
    /// - Precondition: `indices` is not empty and every index is inside `data`.
    public func run(_ indices: [Int]) -> (loss: Double, accuracy: Double) {
        precondition(!indices.isEmpty && indices.allSatisfy { $0 >= 0 && $0 < self.data.count })
        let chunks = BatchRunner.chunks(covering: indices.count)
        let results = ChunkResults(chunks: chunks, width: 2)  // [loss sum, correct]
        let data = data, encoding = encoding
        runner.forEachChunk(chunks) { workspace, chunk in
            let range = BatchRunner.examples(of: chunk, in: indices.count)
            workspace.load(indices[range], from: data, encoding: encoding)
            workspace.forward()
            let (lossSum, correct) = workspace.softmaxCrossEntropy()
            results.row(chunk)[0] = lossSum
            results.row(chunk)[1] = Double(correct)
        }
        return (results.total(0) / Double(indices.count), results.total(1) / Double(indices.count))
    }

    /// 2·Σ_layers weights: the floating-point operations one example costs in the dense
    /// layers of this shape (a multiply and an add per weight), e.g. 537,600 for
    /// 784→256→256→10. The ternary kernels skip some of that work; counting the dense
    /// equivalent makes GFLOP/s comparable with a dense implementation.
    public static func denseOperationsPerExample(_ shape: ModelShape) -> Int {
        shape.places.reduce(0) { $0 + 2 * ($1.parameters?.weightCount ?? 0) }
    }
}
