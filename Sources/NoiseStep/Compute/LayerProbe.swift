import NoiseStepKernels

/// Times each layer's own passes on the chunks of a real batch, for `bench --layers`, and
/// counts the floating-point operations they execute: the forward pass (z, with the layer
/// norm and ReLU or pooling that follow) and the backward product that sends δ to the
/// layer below.
///
/// Each chunk is loaded and run forward and backward once (untimed setup, so that every
/// δ holds real values), then the pass runs on it `repetitions` times; the time of the
/// setup alone is subtracted. The pass's inputs stay warm in cache, so this is the kernel
/// at its best, not its share of a step (`KernelProbe` does the same for an MLP's kernels).
public final class LayerProbe {
    public enum Pass: String, CaseIterable, Sendable {
        /// z = W ∗ input (+ bias), then what follows it before the next layer.
        case forward
        /// ∂L/∂input = (∂z/∂input)ᵀ δ; none for the first layer.
        case backward
    }

    public let shape: ModelShape
    private let batch: ProbedBatch

    public init(model: TernaryModel, data: Dataset, encoding: InputEncoding, batch indices: [Int], threads: Int) {
        shape = model.shape
        batch = ProbedBatch(model: model, data: data, encoding: encoding, batch: indices, threads: threads, backward: true)
    }

    /// Whether layer `layer` has `pass`: every layer runs forward, all but the first backward.
    public func has(_ pass: Pass, layer: Int) -> Bool { pass == .forward || layer > 0 }

    /// Wall seconds of one run of `pass` of layer `layer` over every chunk of the batch,
    /// spread over the workers.
    /// - Precondition: `has(pass, layer:)`.
    public func seconds(of pass: Pass, layer: Int, repetitions: Int) -> Double {
        precondition(has(pass, layer: layer) && repetitions > 0)
        let setup = time(pass, layer: layer, repetitions: 0), timed = time(pass, layer: layer, repetitions: repetitions)
        return max(0, timed - setup) / Double(repetitions)
    }

    /// Floating-point operations one run of `pass` of layer `layer` executes on the batch
    /// (a fused multiply-add counts two; all 64 columns of every chunk): each weight once
    /// per output position. Nil where the count is not the pass's work: a layer without
    /// weights, and a dense first layer, which reads only the inked pixels.
    public func operations(of pass: Pass, layer: Int) -> Double? {
        let place = shape.places[layer]
        guard let weights = place.parameters?.weightCount, !(place.isFirst && shape.layers[layer] is DenseLayer) else {
            return nil
        }
        return Double(2 * weights * place.output.height * place.output.width * Kernels.chunk * batch.chunks)
    }

    private func time(_ pass: Pass, layer: Int, repetitions: Int) -> Double {
        batch.seconds { workspace, _ in
            let worker = workspace.workers[layer]
            for _ in 0 ..< repetitions {
                switch pass {
                case .forward: worker.forward(workspace.input(of: layer))
                case .backward: worker.sendGradientBack(into: workspace.scratch.pointer)
                }
            }
        }
    }
}
