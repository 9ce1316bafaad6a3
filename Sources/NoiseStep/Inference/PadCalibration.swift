import Foundation

/// How the pad turns a model's logits into the confidence it shows, fitted to the model
/// on held-out digits: a softmax temperature for clean images (a validation image shown
/// as is) and one for drawings (digits drawn on the pad, which the model reads less
/// surely), each the one of `temperatures` with the least negative log-likelihood; and
/// when an input is unlike the digits altogether, "unsure" instead of a figure.
///
/// Unsure means one of: the top logit is below the 5th percentile of the top logits of
/// the clean held-out digits (little evidence for any class), or the ink after the pad's
/// preprocessing is clearly wider than tall (`widthLimit`) or is a blot that fills a
/// box at least `blotSide` pixels each way (`fillLimit`; a thick 1 fills a thin one),
/// which no digit of the data does. A model trained on digits only cannot
/// tell every non-digit apart; `eval --calibration` measures how often it does.
public struct PadCalibration: Sendable, Equatable {
    /// Temperatures tried, 0.5 to 64 in steps of a quarter octave.
    public static let temperatures: [Double] = (-4 ... 24).map { Foundation.pow(2, Double($0) / 4) }
    /// The share of clean held-out digits whose top logit counts as too low.
    public static let lowLogitShare = 0.05
    /// Ink at least 1/0.7 times wider than tall is no digit's shape.
    public static let widthLimit = 0.7
    /// Ink covering more than this share of its bounding box is a blot, not a stroke…
    public static let fillLimit = 0.75
    /// …when the box is at least this many pixels each way.
    public static let blotSide = 8

    /// What the pad shows.
    public enum InputKind: Sendable, Equatable {
        /// A data set image as is (a validation image on the pad).
        case clean
        /// A drawing, after the pad's MNIST-style preprocessing.
        case drawn
    }

    public var cleanTemperature: Double
    public var drawnTemperature: Double
    /// Top logits below this are too low to name a class.
    public var lowestTypicalLogit: Double

    public init(cleanTemperature: Double, drawnTemperature: Double, lowestTypicalLogit: Double = -.infinity) {
        self.cleanTemperature = cleanTemperature
        self.drawnTemperature = drawnTemperature
        self.lowestTypicalLogit = lowestTypicalLogit
    }

    /// The same temperature for both kinds and no low-logit test: before a fit.
    public init(temperature: Double) {
        self.init(cleanTemperature: temperature, drawnTemperature: temperature)
    }

    public func temperature(for kind: InputKind) -> Double {
        kind == .clean ? cleanTemperature : drawnTemperature
    }

    /// The fit to `clean` logits with their labels and `drawn` logits with theirs.
    /// - Precondition: each logits list is as long as its labels.
    public static func fit(clean: [[Float]], cleanLabels: [Int], drawn: [[Float]], drawnLabels: [Int]) -> PadCalibration {
        let tops = clean.compactMap { $0.max() }.map(Double.init).sorted()
        let low = tops.isEmpty ? -Double.infinity : tops[min(tops.count - 1, Int(Double(tops.count) * lowLogitShare))]
        return PadCalibration(cleanTemperature: bestTemperature(clean, cleanLabels),
                              drawnTemperature: bestTemperature(drawn, drawnLabels), lowestTypicalLogit: low)
    }

    /// The fit for `model` on the digits of `clean` and on `drawn` (the same digits drawn
    /// on the pad, `DrawnDigits`). Cost: one single-image forward pass per image.
    public static func fit(_ model: TernaryModel, clean: Dataset, drawn: Dataset, encoding: InputEncoding) -> PadCalibration {
        let logits = { (data: Dataset) in (0 ..< data.count).map { model.logits(input: data.image($0).map { encoding.encode($0) }) } }
        return fit(clean: logits(clean), cleanLabels: clean.labels.map(Int.init), drawn: logits(drawn),
                   drawnLabels: drawn.labels.map(Int.init))
    }

    /// The temperature with the least mean negative log-likelihood of `labels`; 1 with no examples.
    static func bestTemperature(_ logits: [[Float]], _ labels: [Int]) -> Double {
        precondition(logits.count == labels.count)
        guard !logits.isEmpty else { return 1 }
        return temperatures.min { negativeLogLikelihood(logits, labels, $0) < negativeLogLikelihood(logits, labels, $1) } ?? 1
    }

    private static func negativeLogLikelihood(_ logits: [[Float]], _ labels: [Int], _ temperature: Double) -> Double {
        zip(logits, labels).reduce(0) { sum, item in
            let probabilities = TernaryModel.softmax(item.0, temperature: temperature)
            return sum - Foundation.log(max(probabilities[item.1], 1e-12))
        }
    }

    /// The pad's reading of an input of `kind` with `logits`, the model's input `image`
    /// ([28, 28] bytes).
    public func reading(logits: [Float], image: [UInt8], kind: InputKind) -> PadReading {
        let probabilities = TernaryModel.softmax(logits, temperature: temperature(for: kind))
        var reason: PadReading.Unsure?
        if let top = logits.max(), Double(top) < lowestTypicalLogit { reason = .littleEvidence }
        if reason == nil, let shape = InkShape(image), shape.heightOverWidth < Self.widthLimit
            || (shape.fill > Self.fillLimit && shape.shorterSide >= Self.blotSide) {
            reason = .shape
        }
        return PadReading(probabilities: probabilities, unsure: reason)
    }
}

/// The pad's reading of one input: its class probabilities and, when the input is unlike
/// the digits, why the pad is unsure.
public struct PadReading: Sendable, Equatable {
    public enum Unsure: Sendable, Equatable {
        /// No class has the evidence clean digits have (a low top logit).
        case littleEvidence
        /// The ink has no digit's shape (far wider than tall, or a filled blot).
        case shape
    }

    /// One per class, summing to 1.
    public var probabilities: [Double]
    public var unsure: Unsure?

    public init(probabilities: [Double], unsure: Unsure? = nil) {
        self.probabilities = probabilities
        self.unsure = unsure
    }

    /// The most probable class.
    public var top: Int { probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0 }
}

/// The bounding box of an image's ink (pixels ≥ 128): its height over its width, and the
/// share of the box that is ink.
struct InkShape {
    var heightOverWidth: Double
    var fill: Double
    /// The box's shorter side, in pixels.
    var shorterSide: Int

    /// nil for an image without ink. - Precondition: 784 bytes.
    init?(_ image: [UInt8]) {
        let side = Dataset.side
        var count = 0, top = side, bottom = -1, left = side, right = -1
        for row in 0 ..< side {
            for column in 0 ..< side where image[row * side + column] >= 128 {
                count += 1
                (top, bottom) = (min(top, row), max(bottom, row))
                (left, right) = (min(left, column), max(right, column))
            }
        }
        guard count > 0 else { return nil }
        let height = bottom - top + 1, width = right - left + 1
        heightOverWidth = Double(height) / Double(width)
        fill = Double(count) / Double(height * width)
        shorterSide = min(height, width)
    }
}
