import NoiseStepKernels

/// The primal pass over one loaded chunk, and the loss at its end.
extension ChunkWorkspace {
    /// Loads chunk `chunk` of a training batch (augmented as `options` say, with the
    /// random numbers of (step, example slot)), runs the forward pass and the loss.
    /// - Returns: the chunk's summed loss and correct count.
    func trainingPass(batch indices: [Int], chunk: Int, step: Int, data: Dataset, options: TrainingOptions,
                      weights: ExpandedWeights) -> (lossSum: Double, correct: Int) {
        let range = BatchRunner.examples(of: chunk, in: indices.count)
        let augmentation = options.augmentation, seed = options.seed
        if augmentation.isNone {
            load(indices[range], from: data, encoding: options.input)
        } else {
            load(indices[range], from: data, encoding: options.input) { slot in
                var random = RandomStream(seed: seed, purpose: .augmentation, step: step, index: range.lowerBound + slot)
                return augmentation.distortion(random: &random)
            }
        }
        forward(weights)
        return softmaxCrossEntropy(temperature: Float(options.temperature))
    }

    /// Fills z, normalized, rectified and inverseDeviation for every layer.
    func forward(_ weights: ExpandedWeights) {
        let layers = shape.layerCount
        inputLayer(weights)
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

    /// z[0] from the loaded chunk's ink, in exact integers (`Kernels.inputLayer`).
    func inputLayer(_ weights: ExpandedWeights) {
        Kernels.inputLayer(stripMajorWeights: weights.inputLayer.pointer, inputs: shape.widths[0],
                           outputs: shape.outputs(of: 0), ink: ink, unitLevels: encoding.kind == .binary,
                           divisor: encoding.kind.divisor, bias: weights.biases[0].pointer, scratch: inputScratch,
                           into: z[0].pointer)
    }

    /// Softmax cross-entropy of the logits / `temperature` against the labels, for the
    /// valid examples (`Kernels.softmaxCrossEntropy`); writes `outputGradient`.
    /// - Returns: the summed loss and the number of examples whose top logit is the label.
    func softmaxCrossEntropy(temperature: Float = 1) -> (lossSum: Double, correct: Int) {
        labels.withUnsafeBufferPointer { labels in
            Kernels.softmaxCrossEntropy(logits: z[shape.layerCount - 1].pointer, classes: shape.widths.last!,
                                        labels: labels.baseAddress!, valid: valid, temperature: temperature,
                                        gradient: outputGradient.pointer)
        }
    }

    /// The predicted class of each valid example (ties go to the lower class).
    func predictions() -> [Int] {
        let logits = z[shape.layerCount - 1].pointer, classes = shape.widths.last!
        return (0 ..< valid).map { Kernels.topClass(logits: logits, classes: classes, example: $0).0 }
    }
}
