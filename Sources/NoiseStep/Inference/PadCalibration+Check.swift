/// How honest the pad's confidence is, measured on data the fit never saw.
public struct PadCalibrationCheck: Sendable, Equatable, Codable {
    /// Digits with a label: the expected calibration error of the pad's probabilities and
    /// the share it called unsure.
    public struct Digits: Sendable, Equatable, Codable {
        public var expectedCalibrationError: Double
        public var unsureShare: Double
    }

    /// Inputs that are no class: the share called unsure, and the mean confidence of the
    /// top class shown for the rest (0 when all were unsure).
    public struct Others: Sendable, Equatable, Codable {
        public var unsureShare: Double
        public var meanConfidenceShown: Double
    }

    public var clean: Digits
    public var drawn: Digits
    public var nonDigits: Others
}

extension PadCalibration {
    /// The pad's readings checked by two-fold cross-fitting: fitted on the even-numbered
    /// digits of `clean` and `drawn` and checked on the odd ones, then the other way
    /// round; the non-digits (`NonDigits`) are read with the fit on all digits.
    /// Cost: one single-image forward pass per image.
    public static func check(_ model: TernaryModel, clean: Dataset, drawn: Dataset, nonDigits: Dataset,
                             encoding: InputEncoding) -> PadCalibrationCheck {
        let logits = { (data: Dataset) in (0 ..< data.count).map { model.logits(input: data.image($0).map { encoding.encode($0) }) } }
        let cleanLogits = logits(clean), drawnLogits = logits(drawn)
        let cleanLabels = clean.labels.map(Int.init), drawnLabels = drawn.labels.map(Int.init)
        var cleanReport = CalibrationReport(), drawnReport = CalibrationReport()
        var unsure = (clean: 0, drawn: 0)
        for half in 0 ..< 2 {
            let fitted = { (all: [[Float]], labels: [Int]) in
                (all.indices.filter { $0 % 2 != half }.map { all[$0] }, all.indices.filter { $0 % 2 != half }.map { labels[$0] })
            }
            let (fitClean, fitCleanLabels) = fitted(cleanLogits, cleanLabels)
            let (fitDrawn, fitDrawnLabels) = fitted(drawnLogits, drawnLabels)
            let calibration = fit(clean: fitClean, cleanLabels: fitCleanLabels, drawn: fitDrawn, drawnLabels: fitDrawnLabels)
            for index in cleanLogits.indices where index % 2 == half {
                let reading = calibration.reading(logits: cleanLogits[index], image: Array(clean.image(index)), kind: .clean)
                cleanReport.record(confidence: reading.probabilities[reading.top], correct: reading.top == cleanLabels[index])
                unsure.clean += reading.unsure == nil ? 0 : 1
            }
            for index in drawnLogits.indices where index % 2 == half {
                let reading = calibration.reading(logits: drawnLogits[index], image: Array(drawn.image(index)), kind: .drawn)
                drawnReport.record(confidence: reading.probabilities[reading.top], correct: reading.top == drawnLabels[index])
                unsure.drawn += reading.unsure == nil ? 0 : 1
            }
        }
        let whole = fit(clean: cleanLogits, cleanLabels: cleanLabels, drawn: drawnLogits, drawnLabels: drawnLabels)
        let readings = (0 ..< nonDigits.count).map { index in
            whole.reading(logits: model.logits(input: nonDigits.image(index).map { encoding.encode($0) }),
                          image: Array(nonDigits.image(index)), kind: .drawn)
        }
        let shown = readings.filter { $0.unsure == nil }.map { $0.probabilities[$0.top] }
        func share(_ count: Int, _ total: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) }
        return PadCalibrationCheck(
            clean: .init(expectedCalibrationError: cleanReport.expectedCalibrationError,
                         unsureShare: share(unsure.clean, clean.count)),
            drawn: .init(expectedCalibrationError: drawnReport.expectedCalibrationError,
                         unsureShare: share(unsure.drawn, drawn.count)),
            nonDigits: .init(unsureShare: share(readings.count - shown.count, readings.count),
                             meanConfidenceShown: shown.isEmpty ? 0 : shown.reduce(0, +) / Double(shown.count)))
    }
}
