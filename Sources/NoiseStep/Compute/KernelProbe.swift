import Dispatch
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
    private let runner: BatchRunner
    private let load: @Sendable (ChunkWorkspace, Int) -> Void
    private let chunks: Int

    /// - Precondition: the model has a hidden layer after the first (the products run on layer 1).
    public init(model: TernaryModel, data: Dataset, encoding: InputEncoding, batch indices: [Int], threads: Int) {
        precondition(model.shape.layerCount >= 3 && !indices.isEmpty)
        self.model = model
        runner = BatchRunner(shape: model.shape, threads: threads)
        runner.weights.refresh(from: model)
        chunks = BatchRunner.chunks(covering: indices.count)
        let weights = runner.weights
        load = { workspace, chunk in
            workspace.load(indices[BatchRunner.examples(of: chunk, in: indices.count)], from: data, encoding: encoding)
            workspace.forward(weights)
        }
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
        let shape = model.shape
        let dense = (1 ..< shape.layerCount).reduce(0) { $0 + 2 * shape.inputs(of: $1) * shape.outputs(of: $1) }
        return time(.inputLayer, repetitions: 0).operations + Double(dense * Kernels.chunk * chunks)
    }

    private func time(_ kernel: Kernel, repetitions: Int) -> (seconds: Double, operations: Double) {
        let results = ChunkResults(chunks: chunks, width: 1)
        let shape = model.shape, weights = runner.weights, load = load
        let started = DispatchTime.now().uptimeNanoseconds
        runner.forEachChunk(chunks) { workspace, chunk in
            load(workspace, chunk)
            for _ in 0 ..< repetitions { workspace.run(kernel, weights: weights) }
            results.row(chunk)[0] = workspace.operations(of: kernel, shape: shape)
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, results.total(0))
    }
}

extension ChunkWorkspace {
    fileprivate func run(_ kernel: KernelProbe.Kernel, weights: ExpandedWeights) {
        switch kernel {
        case .inputLayer:
            inputLayer(weights)
        case .hiddenProduct:
            Kernels.multiply(weights.matrices[1].pointer, rows: shape.outputs(of: 1), inner: shape.inputs(of: 1),
                             rectified[0].pointer, bias: weights.biases[1].pointer, into: z[1].pointer)
        case .backwardProduct:
            Kernels.multiply(weights.transposed[1].pointer, rows: shape.inputs(of: 1), inner: shape.outputs(of: 1),
                             z[1].pointer, bias: nil, into: scratch.pointer)
        }
    }

    /// Operations one run of `kernel` executes on the loaded chunk (all 64 columns of a
    /// dense product; only the valid examples' ink for the input layer).
    fileprivate func operations(of kernel: KernelProbe.Kernel, shape: ModelShape) -> Double {
        switch kernel {
        case .inputLayer:
            let inked = (0 ..< valid).reduce(0) { $0 + ink.counts[$1] }
            return Double(2 * inked * shape.outputs(of: 0))
        case .hiddenProduct, .backwardProduct:
            return Double(2 * shape.inputs(of: 1) * shape.outputs(of: 1) * Kernels.chunk)
        }
    }
}
