import Foundation
import NoiseStep

/// Shows training progress: one live line rewritten in place on a terminal, or one
/// plain line every `logEvery` steps (no carriage returns) when stdout is a file or pipe.
struct ProgressReporter {
    let totalSteps: Int
    let logEvery: Int
    let isTerminal: Bool
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastValidation: Double?

    init(totalSteps: Int, logEvery: Int, isTerminal: Bool = isatty(STDOUT_FILENO) == 1) {
        self.totalSteps = totalSteps
        self.logEvery = max(1, logEvery)
        self.isTerminal = isTerminal
    }

    mutating func report(_ snapshot: TrainingSnapshot, stepsThisRun: Int) {
        if let validation = snapshot.validationAccuracy { lastValidation = validation }
        let isLast = snapshot.step == totalSteps
        if isTerminal {
            let now = Date()
            guard isLast || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            print("\r" + line(snapshot, stepsThisRun: stepsThisRun) + "\u{1B}[K", terminator: isLast ? "\n" : "")
            fflush(nil)
        } else if snapshot.step % logEvery == 0 || isLast {
            print(line(snapshot, stepsThisRun: stepsThisRun))
            fflush(nil)
        }
    }

    /// Ends a live line early (e.g. on an interrupted run).
    func finish() {
        if isTerminal { print("") }
    }

    func line(_ s: TrainingSnapshot, stepsThisRun: Int) -> String {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(stepsThisRun) / elapsed : 0
        let remaining = rate > 0 ? Double(totalSteps - s.step) / rate : 0
        var parts = [
            "step \(s.step)/\(totalSteps)",
            "loss " + Format.fixed(s.loss, 4),
            "acc " + Format.percent(s.batchAccuracy),
        ]
        if let lastValidation { parts.append("val " + Format.percent(lastValidation)) }
        parts += [
            "accept " + Format.percent(s.acceptanceRate),
            "zeros " + Format.percent(s.sparsity),
            Format.fixed(rate, 1) + " steps/s",
            "ETA " + Format.duration(remaining),
        ]
        return parts.joined(separator: "  ")
    }
}

/// Number formatting for the command line, locale-independent.
enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    static func percent(_ fraction: Double) -> String { String(format: "%.1f%%", fraction * 100) }
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
                             : String(format: "%d:%02d", total / 60, total % 60)
    }
}
