import NoiseStepKernels

/// Times single kernels of the training step on the chunks of a real batch, for
/// `noisestep bench`, and counts the floating-point operations they execute.
///
/// Each chunk is loaded and pushed forward once (untimed setup), then the kernel runs on
/// it `repetitions` times; the time of the setup alone is subtracted. The kernel's inputs
/// stay warm in cache, so this is the kernel at its best, not its share of a step.
public final class KernelProbe {
    public enum Kernel: String, CaseIterable, Sendable {
        /// The ink-sparse first layer, in 16-bit integers (a multiply-add counts two operations).
        case inputLayer = "input layer (ink only, int16)"
        /// A hidden layer's dense product W·h.
        case hiddenProduct = "hidden layer W·h"
        /// The backward pass's dense product Wᵀ·δ.
        case backwardProduct = "hidden layer Wᵀ·δ"
    }

    public let model: TernaryModel
    private let batch: ProbedBatch

    /// - Precondition: an MLP with a hidden layer after the first (the products run on layer 1).
    public init(model: TernaryModel, data: Dataset, encoding: InputEncoding, batch indices: [Int], threads: Int) {
        precondition(model.shape.layerCount >= 3 && model.shape.hidden != nil)
        self.model = model
        batch = ProbedBatch(model: model, data: data, encoding: encoding, batch: indices, threads: threads, backward: false)
    }

    /// Wall seconds of one run of `kernel` over every chunk of the batch, spread over the
    /// workers, and the floating-point operations that run executes (a fused multiply-add
    /// counts two; the input layer counts only inked inputs).
    public func measure(_ kernel: Kernel, repetitions: Int) -> (seconds: Double, operations: Double) {
        let setup = time(kernel, repetitions: 0).seconds
        let (seconds, operations) = time(kernel, repetitions: repetitions)
        return (max(0, seconds - setup) / Double(repetitions), operations)
    }

    /// Operations one forward pass of the batch executes: the input layer's inked inputs,
    /// then every dense layer over all 64 columns of each chunk.
    public func forwardPassOperations() -> Double {
        let dense = model.shape.places.dropFirst().reduce(0) { $0 + 2 * ($1.parameters?.weightCount ?? 0) }
        return time(.inputLayer, repetitions: 0).operations + Double(dense * Kernels.chunk * batch.chunks)
    }

    private func time(_ kernel: Kernel, repetitions: Int) -> (seconds: Double, operations: Double) {
        let results = ChunkResults(chunks: batch.chunks, width: 1)
        let seconds = batch.seconds { workspace, chunk in
            for _ in 0 ..< repetitions { workspace.run(kernel) }
            results.row(chunk)[0] = workspace.operations(of: kernel)
        }
        return (seconds, results.total(0))
    }
}

extension ChunkWorkspace {
    /// The dense layers the probe times: the first (input) layer and the second.
    private var probed: (input: DenseWorker, hidden: DenseWorker) {
        guard let input = workers[0] as? DenseWorker, let hidden = workers[1] as? DenseWorker else {
            preconditionFailure("KernelProbe times an MLP's kernels")
        }
        return (input, hidden)
    }

    fileprivate func run(_ kernel: KernelProbe.Kernel) {
        let (first, hidden) = probed
        switch kernel {
        case .inputLayer:
            first.forward(input(of: 0))
        case .hiddenProduct:
            Kernels.multiply(hidden.stage.matrix.pointer, rows: hidden.outputs, inner: hidden.inputs, first.output,
                             bias: hidden.stage.bias.pointer, into: hidden.z.pointer)
        case .backwardProduct:
            hidden.sendGradientBack(into: scratch.pointer)
        }
    }

    /// Operations one run of `kernel` executes on the loaded chunk (all 64 columns of a
    /// dense product; only the valid examples' ink for the input layer).
    fileprivate func operations(of kernel: KernelProbe.Kernel) -> Double {
        switch kernel {
        case .inputLayer:
            let inked = (0 ..< valid).reduce(0) { $0 + ink.counts[$1] }
            return Double(2 * inked * probed.input.outputs)
        case .hiddenProduct, .backwardProduct:
            return Double(2 * probed.hidden.inputs * probed.hidden.outputs * Kernels.chunk)
        }
    }
}
