/// How well a model's confidence matches how often it is right: the expected
/// calibration error (Guo et al., "On Calibration of Modern Neural Networks", 2017).
///
/// Predictions are put in `bins` equal-width bins of confidence (the top class's
/// probability) over [0, 1]; ECE = Σ_bins (examples in bin / all) · |accuracy in bin −
/// mean confidence in bin|. 0 is perfectly calibrated; a model that says 99% and is right
/// 90% of the time scores about 0.09.
public struct CalibrationReport: Sendable, Equatable, Codable {
    /// One bin: its examples, how many were right, and their summed confidence.
    public struct Bin: Sendable, Equatable, Codable {
        public var count = 0
        public var correct = 0
        public var confidenceSum = 0.0
        public var accuracy: Double? { count == 0 ? nil : Double(correct) / Double(count) }
        public var meanConfidence: Double? { count == 0 ? nil : confidenceSum / Double(count) }
    }

    public private(set) var bins: [Bin]

    /// An empty report with `binCount` bins.
    /// - Precondition: `binCount > 0`.
    public init(binCount: Int = 10) {
        precondition(binCount > 0)
        bins = Array(repeating: Bin(), count: binCount)
    }

    /// Counts one prediction made with `confidence` (in [0, 1]; clamped) that was right or not.
    public mutating func record(confidence: Double, correct: Bool) {
        let clamped = confidence.isFinite ? min(max(confidence, 0), 1) : 0
        let index = min(bins.count - 1, Int(clamped * Double(bins.count)))
        bins[index].count += 1
        bins[index].correct += correct ? 1 : 0
        bins[index].confidenceSum += clamped
    }

    public var count: Int { bins.reduce(0) { $0 + $1.count } }

    /// The mean confidence of every prediction recorded; 0 with none.
    public var meanConfidence: Double {
        count == 0 ? 0 : bins.reduce(0) { $0 + $1.confidenceSum } / Double(count)
    }

    /// The expected calibration error, in [0, 1]; 0 with no predictions.
    public var expectedCalibrationError: Double {
        let total = Double(count)
        guard total > 0 else { return 0 }
        return bins.reduce(0) { sum, bin in
            guard let accuracy = bin.accuracy, let confidence = bin.meanConfidence else { return sum }
            return sum + Double(bin.count) / total * abs(accuracy - confidence)
        }
    }

    /// The calibration of `model`'s probabilities on `dataset`, one report per softmax
    /// temperature (each example's logits are computed once for all of them).
    /// Cost: one single-image forward pass per example (about a millisecond each).
    public static func measure(_ model: TernaryModel, on dataset: Dataset, encoding: InputEncoding,
                               temperatures: [Double], binCount: Int = 10) -> [CalibrationReport] {
        var reports = temperatures.map { _ in CalibrationReport(binCount: binCount) }
        for index in 0 ..< dataset.count {
            let logits = model.logits(input: dataset.image(index).map { encoding.encode($0) })
            let truth = Int(dataset.labels[index])
            for (slot, temperature) in temperatures.enumerated() {
                let probabilities = TernaryModel.softmax(logits, temperature: temperature)
                let top = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
                reports[slot].record(confidence: probabilities[top], correct: top == truth)
            }
        }
        return reports
    }
}
