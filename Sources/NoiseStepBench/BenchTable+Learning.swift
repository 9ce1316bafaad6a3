import Foundation

/// The text of `bench --learning`.
extension BenchTable {
    public static func render(_ result: LearningResult) -> String {
        let summaries = result.summaries
        let runsEach = result.splits.count * result.seeds.count
        var lines = [
            "learning protocol: " + result.splits.joined(separator: ", ") + " × seeds "
                + result.seeds.map(String.init).joined(separator: ", ") + " (\(runsEach) run\(runsEach == 1 ? "" : "s") each), "
                + "\(result.threads) threads",
        ]
        var rows = [["candidate", "steps", "mean", "sd", "lowest–highest", "Δ first (paired)", "pad", "s/run", "arguments"]]
        for summary in summaries {
            let difference = summaries.first.flatMap { pairedDifference(result, summary.recipe.name, against: $0.recipe.name) }
            rows.append([
                summary.recipe.name, "\(summary.recipe.steps)", percent(summary.mean),
                fixed(100 * summary.standardDeviation, 2), percent(summary.lowest) + "–" + percent(summary.highest),
                difference.map { signedPoints($0.mean) + " ± " + fixed(100 * $0.standardError, 2) } ?? "",
                summary.padMean.map(percent) ?? "-", seconds(summary.medianSeconds),
                summary.recipe.arguments.isEmpty ? "(defaults)" : summary.recipe.arguments,
            ])
        }
        lines += aligned(rows, rightAligned: [false, true, true, true, true, true, true, true, false]).map { "  " + $0 }
        lines.append("  (sd: over runs, in points; Δ first: mean and standard error of each run's difference from the")
        lines.append("   first candidate's run on the same split and seed; s/run: median of the steps' own wall time)")
        return lines.joined(separator: "\n")
    }

    /// The mean and standard error of `name`'s accuracy minus `reference`'s, run by run on
    /// the same split and seed; nil when `name` is `reference` or no run pairs.
    static func pairedDifference(_ result: LearningResult, _ name: String,
                                 against reference: String) -> (mean: Double, standardError: Double)? {
        guard name != reference else { return nil }
        let differences = result.runs.filter { $0.candidate == name }.compactMap { run in
            result.runs.first { $0.candidate == reference && $0.split == run.split && $0.seed == run.seed }
                .map { run.accuracy - $0.accuracy }
        }
        guard !differences.isEmpty else { return nil }
        let mean = differences.reduce(0, +) / Double(differences.count)
        guard differences.count > 1 else { return (mean, 0) }
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(differences.count - 1)
        return (mean, (variance / Double(differences.count)).squareRoot())
    }

    /// "+0.85" points for a difference of 0.0085.
    static func signedPoints(_ fraction: Double) -> String {
        String(format: "%+.2f", 100 * fraction)
    }
}
