import Foundation

/// The primal pass over one loaded chunk, and the loss at its end.
extension ChunkWorkspace {
    /// Loads chunk `chunk` of a training batch (augmented as `options` say, with the
    /// random numbers of (step, example slot)), runs the forward pass and the loss.
    /// - Returns: the chunk's summed loss and correct count.
    func trainingPass(batch indices: [Int], chunk: Int, step: Int, data: Dataset, options: TrainingOptions,
                      weights: ExpandedWeights) -> (lossSum: Double, correct: Int) {
        let range = chunk * Kernels.chunk ..< min(indices.count, (chunk + 1) * Kernels.chunk)
        let augmentation = options.augmentation, seed = options.seed
        if augmentation.isNone {
            load(indices[range], from: data, encoding: options.input)
        } else {
            load(indices[range], from: data, encoding: options.input) { slot, image in
                var random = RandomStream(seed: seed, purpose: .augmentation, step: step, index: range.lowerBound + slot)
                augmentation.apply(to: &image, random: &random)
            }
        }
        forward(weights)
        return softmaxCrossEntropy(temperature: Float(options.temperature))
    }

    /// Fills z, normalized, rectified and inverseDeviation for every layer.
    func forward(_ weights: ExpandedWeights) {
        let layers = shape.layerCount
        Kernels.inputLayer(transposedWeights: weights.transposed[0].pointer, inputs: shape.widths[0],
                           outputs: shape.outputs(of: 0), pixels: pixels.pointer, ink: ink,
                           bias: weights.biases[0].pointer, into: z[0].pointer)
        for layer in 0 ..< layers {
            if layer > 0 {
                Kernels.multiply(weights.matrices[layer].pointer, rows: shape.outputs(of: layer),
                                 inner: shape.inputs(of: layer), rectified[layer - 1].pointer,
                                 bias: weights.biases[layer].pointer, into: z[layer].pointer)
            }
            if layer < layers - 1 {
                Kernels.layerNormForward(z[layer].pointer, rows: shape.outputs(of: layer),
                                         normalized: normalized[layer].pointer, rectified: rectified[layer].pointer,
                                         inverseDeviation: inverseDeviation[layer].pointer)
            }
        }
    }

    /// Softmax cross-entropy of the logits against the labels, for the valid examples.
    /// The loss of an example is computed on logits / `temperature`. Writes
    /// `outputGradient` = ∂loss/∂logits = (softmax − one-hot) / temperature, 0 in padding
    /// columns.
    /// - Returns: the summed loss and the number of examples whose top logit is the label
    ///   (ties go to the lower class).
    func softmaxCrossEntropy(temperature: Float = 1) -> (lossSum: Double, correct: Int) {
        let chunk = Kernels.chunk, classes = shape.widths.last!
        let logits = z[shape.layerCount - 1].pointer, gradient = outputGradient.pointer
        gradient.update(repeating: 0, count: classes * chunk)
        var lossSum = 0.0, correct = 0
        let inverseTemperature = 1 / temperature
        for b in 0 ..< valid {
            var top = logits[b], best = 0
            for c in 1 ..< classes where logits[c * chunk + b] > top {
                top = logits[c * chunk + b]
                best = c
            }
            if best == labels[b] { correct += 1 }
            var total: Float = 0
            for c in 0 ..< classes {
                let e = Foundation.exp((logits[c * chunk + b] - top) * inverseTemperature)
                gradient[c * chunk + b] = e
                total += e
            }
            lossSum += Double(Foundation.log(total) - (logits[labels[b] * chunk + b] - top) * inverseTemperature)
            for c in 0 ..< classes {
                let target: Float = c == labels[b] ? 1 : 0
                gradient[c * chunk + b] = (gradient[c * chunk + b] / total - target) * inverseTemperature
            }
        }
        return (lossSum, correct)
    }

    /// The predicted class of each valid example (ties go to the lower class).
    func predictions() -> [Int] {
        let chunk = Kernels.chunk, classes = shape.widths.last!
        let logits = z[shape.layerCount - 1].pointer
        return (0 ..< valid).map { b in
            var top = logits[b], best = 0
            for c in 1 ..< classes where logits[c * chunk + b] > top {
                top = logits[c * chunk + b]
                best = c
            }
            return best
        }
    }
}
