import Foundation

/// The loss at the end of the forward pass, over the logits of one chunk.
extension Kernels {
    /// Softmax cross-entropy of logits / `temperature` against the labels, for the first
    /// `valid` examples. Writes gradient = ∂loss/∂logits = (softmax − one-hot) / temperature,
    /// 0 in padding columns.
    ///
    /// - logits, gradient: [classes, 64]; labels: [valid], each in 0..<classes.
    /// - Returns: the summed loss and the number of examples whose top logit is the label
    ///   (ties go to the lower class).
    package static func softmaxCrossEntropy(logits: UnsafePointer<Float>, classes: Int, labels: UnsafePointer<Int>,
                                            valid: Int, temperature: Float,
                                            gradient: UnsafeMutablePointer<Float>) -> (lossSum: Double, correct: Int) {
        gradient.update(repeating: 0, count: classes * chunk)
        var lossSum = 0.0, correct = 0
        let inverseTemperature = 1 / temperature
        for b in 0 ..< valid {
            let (best, top) = topClass(logits: logits, classes: classes, example: b)
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

    /// The class with the largest logit of example `b` (ties go to the lower class), and
    /// that logit. - logits: [classes, 64].
    @inline(__always)
    package static func topClass(logits: UnsafePointer<Float>, classes: Int, example b: Int) -> (Int, Float) {
        var top = logits[b], best = 0
        for c in 1 ..< classes where logits[c * chunk + b] > top {
            top = logits[c * chunk + b]
            best = c
        }
        return (best, top)
    }
}
