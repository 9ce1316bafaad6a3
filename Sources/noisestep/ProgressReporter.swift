import Foundation
import NoiseStep

/// Shows training progress: one live line rewritten in place on a terminal, kept
/// narrower than the terminal so it never wraps, or one plain line every `logEvery`
/// steps (no carriage returns) when stdout is a file or pipe.
struct ProgressReporter {
    let totalSteps: Int
    let logEvery: Int
    let isTerminal: Bool
    /// Columns the live line may take; nil when stdout is not a terminal.
    let width: Int?
    private let started = Date()
    private var lastDraw = Date.distantPast
    private var lastValidation: Double?

    init(totalSteps: Int, logEvery: Int, isTerminal: Bool = isatty(STDOUT_FILENO) == 1,
         width: Int? = ProgressReporter.terminalWidth()) {
        self.totalSteps = totalSteps
        self.logEvery = max(1, logEvery)
        self.isTerminal = isTerminal
        self.width = isTerminal ? width : nil
    }

    /// The columns of the terminal on stdout (TIOCGWINSZ), else $COLUMNS, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 { return Int(size.ws_col) }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init) ?? 80
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

    /// The progress line, fitted to `width` (one column spare, so the cursor never wraps)
    /// by leaving out the least telling parts first: the acceptance (fixed by the
    /// quantile), the sparsity, the speed.
    func line(_ s: TrainingSnapshot, stepsThisRun: Int) -> String {
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(stepsThisRun) / elapsed : 0
        let remaining = rate > 0 ? Double(totalSteps - s.step) / rate : 0
        // (text, priority): a higher priority stays longer.
        var parts: [(String, Int)] = [
            ("step \(s.step)/\(totalSteps)", 9),
            ("loss " + NumberFormat.fixed(s.loss, 4), 8),
            ("acc " + NumberFormat.percent(s.batchAccuracy), 6),
        ]
        if let lastValidation { parts.append(("val " + NumberFormat.percent(lastValidation), 7)) }
        parts += [
            ("accept " + NumberFormat.percent(s.acceptanceRate), 1),
            ("zeros " + NumberFormat.percent(s.sparsity), 2),
            (NumberFormat.fixed(rate, 1) + " steps/s", 3),
            ("ETA " + NumberFormat.duration(remaining), 5),
        ]
        return Self.fitted(parts, width: width.map { $0 - 1 })
    }

    /// `parts` joined by two spaces, dropping the lowest priority first until the line
    /// fits `width` (nil: no limit); the highest-priority part is always kept.
    static func fitted(_ parts: [(String, Int)], width: Int?) -> String {
        var kept = parts
        func joined() -> String { kept.map(\.0).joined(separator: "  ") }
        while let width, joined().count > width, kept.count > 1,
              let lowest = kept.indices.min(by: { kept[$0].1 < kept[$1].1 }) {
            kept.remove(at: lowest)
        }
        return joined()
    }
}
