import Foundation

/// How much the loss and batch-accuracy curves are smoothed: an exponential moving
/// average over steps with a span of 10, 50 or 200 steps, or none. `e` cycles through
/// them; the raw curve stays behind the smoothed one, faint.
public enum Smoothing: Int, CaseIterable, Equatable, Sendable {
    case off = 0
    case light = 10
    case medium = 50
    case heavy = 200

    /// The level after this one, back to off after the heaviest.
    public var next: Smoothing {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// "ema 50" (steps), or "raw".
    public var label: String { self == .off ? "raw" : "ema \(rawValue)" }

    /// The moving average of `columns`, each the mean of `stepsPerColumn` steps, bias
    /// corrected at the start (as TensorBoard's is), so the first columns are not pulled
    /// toward 0; nil columns keep the average and stay nil.
    func apply(_ columns: [Double?], stepsPerColumn: Double) -> [Double?] {
        guard self != .off else { return columns }
        let alpha = 2 / (Double(rawValue) + 1)
        let keep = Foundation.pow(1 - alpha, max(1, stepsPerColumn))
        var average = 0.0, weight = 0.0
        return columns.map { value in
            guard let value else { return nil }
            average = average * keep + (1 - keep) * value
            weight = weight * keep + (1 - keep)
            return average / weight
        }
    }
}

