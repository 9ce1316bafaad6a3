import Foundation
import NoiseStep

/// What `eval` reports: a plain value that renders as text or as one JSON line.
struct EvalReport: Encodable {
    struct ClassScore: Encodable {
        var label: Int
        var name: String
        var correct: Int
        var total: Int
        /// nil for a class without examples.
        var accuracy: Double?
    }

    struct Calibration: Encodable {
        var bins: Int
        var temperature: Double
        /// Expected calibration error of softmax(logits) and of softmax(logits / temperature).
        var plain: Double
        var tempered: Double
    }

    var accuracy: Double
    var correct: Int
    var total: Int
    var perClass: [ClassScore]?
    /// Rows: true class; columns: predicted class.
    var confusion: [[Int]]?
    var calibration: Calibration?
    /// The same on the test digits redrawn as on the pad (bundled data only).
    var padCalibration: Calibration?
    /// The pad's own confidence (a temperature per input kind and "unsure"), checked on
    /// digits it was not fitted on and on drawings that are no digit (bundled data only).
    var padCheck: PadCalibrationCheck?
    /// The mean top probability at the training temperature on those non-digit drawings.
    var nonDigitConfidence: Double?
    /// The predicted class of each test image, in file order (`--predictions`).
    var predictions: [Int]?

    init(confusion matrix: ConfusionMatrix, names: ClassNames, perClass: Bool) {
        accuracy = matrix.accuracy
        correct = matrix.correct
        total = matrix.total
        guard perClass else { return }
        self.perClass = (0 ..< matrix.classes).map { label in
            ClassScore(label: label, name: names.name(label), correct: matrix[label, label],
                       total: matrix.examples(of: label), accuracy: matrix.accuracy(of: label))
        }
        confusion = (0 ..< matrix.classes).map { truth in (0 ..< matrix.classes).map { matrix[truth, $0] } }
    }

    func jsonLine() throws -> String { try JSONOutput.line(self) }

    /// The report as text: a summary line, then the tables asked for.
    func rendered(file: String, source: String) -> String {
        var lines = ["\(file): accuracy \(NumberFormat.percent(accuracy)) (\(correct)/\(total)) on \(source)"]
        if let perClass, let confusion { lines += classTable(perClass, confusion: confusion) }
        if let calibration { lines.append("calibration: " + Self.describe(calibration)) }
        if let padCalibration { lines.append("  drawn as on the pad: " + Self.describe(padCalibration)) }
        if let padCheck { lines += Self.describe(padCheck, trainingConfidence: nonDigitConfidence) }
        return lines.joined(separator: "\n")
    }

    /// "expected calibration error (10 bins) 0.061 with softmax(logits), 0.080 with softmax(logits / 8)…".
    private static func describe(_ calibration: Calibration) -> String {
        "expected calibration error (\(calibration.bins) bins) " + NumberFormat.fixed(calibration.plain, 3)
            + " with softmax(logits), " + NumberFormat.fixed(calibration.tempered, 3) + " with softmax(logits / "
            + NumberFormat.plain(calibration.temperature) + "), the training temperature"
    }

    /// The pad's confidence, as checked: ECE and unsure share per kind, then non-digits.
    private static func describe(_ check: PadCalibrationCheck, trainingConfidence: Double?) -> [String] {
        let percent = { (value: Double) in NumberFormat.percent(value, digits: 0) }
        let digits = { (name: String, result: PadCalibrationCheck.Digits) in
            "\(name) \(NumberFormat.fixed(result.expectedCalibrationError, 3)) (unsure \(percent(result.unsureShare)))"
        }
        let others = check.nonDigits
        let training = trainingConfidence.map { "; at the training temperature every one of them shows \(percent($0)) on average" } ?? ""
        return ["  the pad's confidence (a temperature per kind, fitted on half the digits, checked on the other half): "
                    + digits("clean", check.clean) + ", " + digits("drawn", check.drawn),
                "  \(NonDigits.checkCount) drawings that are no digit: \(percent(others.unsureShare)) unsure, the rest shown at "
                    + percent(others.meanConfidenceShown) + " on average" + training]
    }

    /// One row per true class: its name, accuracy, and what it was predicted as.
    private func classTable(_ scores: [ClassScore], confusion: [[Int]]) -> [String] {
        let nameWidth = max(5, scores.map(\.name.count).max() ?? 0)
        let cell = max(4, String(confusion.flatMap { $0 }.max() ?? 0).count + 1)
        func pad(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        let header = pad("class", nameWidth) + pad("accuracy", 10) + "   predicted as:"
            + (0 ..< confusion.count).map { pad(String($0), cell) }.joined()
        return [header] + scores.map { score in
            let accuracy = score.accuracy.map { NumberFormat.percent($0) } ?? "–"
            return pad(score.name, nameWidth) + pad(accuracy, 10) + String(repeating: " ", count: 16)
                + confusion[score.label].map { pad(String($0), cell) }.joined()
        }
    }
}
