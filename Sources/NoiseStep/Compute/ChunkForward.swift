import NoiseStepKernels

/// The primal pass over one loaded chunk, and the loss at its end.
extension ChunkWorkspace {
    /// Loads chunk `chunk` of a training batch (augmented as `options` say, with the
    /// random numbers of (step, example slot)), runs the forward pass and the loss.
    /// - Returns: the chunk's summed loss and correct count.
    func trainingPass(batch indices: [Int], chunk: Int, step: Int, data: Dataset,
                      options: TrainingOptions) -> (lossSum: Double, correct: Int) {
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
        forward()
        return softmaxCrossEntropy(temperature: Float(options.temperature))
    }

    /// Every layer's forward pass, in order, on the loaded chunk (with the weights of the
    /// last `BatchRunner.refresh`).
    func forward() {
        for (layer, worker) in workers.enumerated() { worker.forward(input(of: layer)) }
    }

    /// Softmax cross-entropy of the logits / `temperature` against the labels, for the
    /// valid examples (`Kernels.softmaxCrossEntropy`); writes `outputGradient`.
    /// - Returns: the summed loss and the number of examples whose top logit is the label.
    func softmaxCrossEntropy(temperature: Float = 1) -> (lossSum: Double, correct: Int) {
        labels.withUnsafeBufferPointer { labels in
            Kernels.softmaxCrossEntropy(logits: logits, classes: shape.widths.last!, labels: labels.baseAddress!,
                                        valid: valid, temperature: temperature, gradient: outputGradient.pointer)
        }
    }

    /// The predicted class of each valid example (ties go to the lower class).
    func predictions() -> [Int] {
        let logits = logits, classes = shape.widths.last!
        return (0 ..< valid).map { Kernels.topClass(logits: logits, classes: classes, example: $0).0 }
    }
}
