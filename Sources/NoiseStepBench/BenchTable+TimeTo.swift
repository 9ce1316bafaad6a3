import Foundation
import NoiseStep

/// The text of `bench --time-to`.
extension BenchTable {
    public static func render(_ result: TimeToAccuracy.Result) -> String {
        let r = result
        let rounds = r.noiseStep.count
        let mlp = r.model == ModelPreset.mlp.rawValue
        var lines = [
            "time to \(percent(r.target)) on the bundled validation split: the \(r.model) model with its default options, "
                + "\(r.threads) threads, checked every \(r.checkEvery) steps, medians of \(rounds) round\(rounds == 1 ? "" : "s")",
        ]
        var rows = [["", "reached", "training", "with checks", "checks", ""]]
        let noise = r.noiseStepSeconds, adam = r.adamSTESeconds
        rows.append(timeToRow("noise_step", r.noiseStep, maxSteps: r.maxSteps,
                              target: mlp ? "target ≤ 10 s: " + verdict(noise.map { $0 <= 10 } ?? false) : ""))
        rows.append(timeToRow("Adam + STE", r.adamSTE, maxSteps: r.maxSteps, target: ""))
        if let first = r.referenceAdamSTE.first {
            rows.append(["PyTorch Adam + STE", first.step.map { "step \($0)" } ?? "not by step \(r.maxSteps)",
                         r.referenceAdamSTESeconds.map(seconds) ?? "-", "", "", ""])
        }
        lines += aligned(rows, rightAligned: [false, true, true, true, true, false]).map { "  " + $0 }
        // The MLP's goals are judged here; other models' figures stand alone.
        let goal = { (met: Bool) in mlp ? "   target < 1×: \(verdict(met))" : "" }
        if let noise, let adam {
            lines.append("  noise_step takes \(ratio(noise / adam)) Adam-STE's training time" + goal(noise < adam))
        } else if noise != nil {
            lines.append("  noise_step reached it; Adam-STE did not by step \(r.maxSteps)" + goal(true))
        } else {
            lines.append("  noise_step did not reach it by step \(r.maxSteps)" + goal(false))
        }
        if let peer = r.referenceAdamSTESeconds, let noise {
            lines.append("  noise_step takes \(ratio(noise / peer)) the PyTorch peer's Adam-STE training time"
                + " (same model, batch, shifts and split; its own random draws)")
        }
        if let skipped = r.referenceSkipped { lines.append("  PyTorch peer skipped: \(skipped)") }
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
