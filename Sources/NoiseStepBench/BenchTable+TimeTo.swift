import Foundation

/// The text of `bench --time-to`.
extension BenchTable {
    public static func render(_ result: TimeToAccuracy.Result) -> String {
        let r = result
        let rounds = r.noiseStep.count
        var lines = [
            "time to \(percent(r.target)) on the bundled validation split: default options, \(r.threads) threads, " +
                "checked every \(r.checkEvery) steps, medians of \(rounds) round\(rounds == 1 ? "" : "s")",
        ]
        var rows = [["", "reached", "training", "with checks", "checks", ""]]
        let noise = r.noiseStepSeconds, adam = r.adamSTESeconds
        rows.append(timeToRow("noise_step", r.noiseStep, maxSteps: r.maxSteps,
                              target: "target ≤ 10 s: " + verdict(noise.map { $0 <= 10 } ?? false)))
        rows.append(timeToRow("Adam + STE", r.adamSTE, maxSteps: r.maxSteps, target: ""))
        lines += aligned(rows, rightAligned: [false, true, true, true, true, false]).map { "  " + $0 }
        if let noise, let adam {
            lines.append("  noise_step takes \(ratio(noise / adam)) Adam-STE's training time   target < 1×: \(verdict(noise < adam))")
        } else if noise != nil {
            lines.append("  noise_step reached it; Adam-STE did not by step \(r.maxSteps)   target < 1×: met")
        } else {
            lines.append("  noise_step did not reach it by step \(r.maxSteps)   target < 1×: MISSED")
        }
        lines.append("  (training: the steps' own wall time, checks left out; with checks: the whole run)")
        return lines.joined(separator: "\n")
    }

    /// One optimizer's row: where it got there (or not), and the median times.
    private static func timeToRow(_ name: String, _ runs: [TimeToAccuracy.Run], maxSteps: Int, target: String) -> [String] {
        guard let step = runs.first?.step else {
            return [name, "not by step \(maxSteps)", "-", "-", runs.first.map { "\($0.checks)" } ?? "-", target]
        }
        let training = TimeToAccuracy.Result.median(runs, \.trainingSeconds) ?? 0
        let wall = TimeToAccuracy.Result.median(runs, \.wallSeconds) ?? 0
        let checks = runs.first.map { "\($0.checks)" } ?? "-"
        return [name, "step \(step)", seconds(training), seconds(wall), checks, target]
    }

    static func seconds(_ value: Double) -> String {
        fixed(value, value < 100 ? 2 : 0) + " s"
    }
}
