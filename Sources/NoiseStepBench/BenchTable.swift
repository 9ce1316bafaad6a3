import Foundation
import NoiseStep

/// Renders bench figures as the text `noisestep bench` prints: a header, then aligned
/// rows. Pure: returns the text, prints nothing.
public enum BenchTable {
    public static func render(_ report: BenchReport) -> String {
        let c = report.configuration
        var lines = [
            "noisestep bench: \(c.widths.map(String.init).joined(separator: "→")) ternary MLP, \(c.parameters) parameters, bundled MNIST",
            "batch \(c.batch), \(c.samples) perturbations, density \(c.density) (\(c.schedule) schedule), \(c.threads) threads; " +
                "medians of \(c.rounds) round\(c.rounds == 1 ? "" : "s")",
            "",
        ]
        lines += renderSteps(report)
        lines += [
            "",
            "forward pass, batch \(c.batch)      " + milliseconds(report.forwardPassMs) +
                "  " + fixed(report.forwardPassGflops, 1) + " GFLOP/s (dense-equivalent)",
            "  a step costs " + fixed(report.reverseStepInForwardPasses, 1) + " forward passes (reverse), "
                + fixed(report.forwardStepInForwardPasses, 1) + " (forward)",
        ]
        lines += renderMachine(report) + [""] + renderMemory(report)
        if let comparison = report.comparison { lines += ["", renderComparison(comparison)] }
        return lines.joined(separator: "\n")
    }

    /// The step times, beside the reference's when it ran.
    static func renderSteps(_ report: BenchReport) -> [String] {
        var rows = [["training step", "noisestep", "reference", "ours/ref", ""]]
        if let reference = report.reference {
            rows.append(["  --alignment reverse", milliseconds(report.reverseStepMs), milliseconds(reference.reverseStepMs),
                         ratio(report.reverseStepMs / reference.reverseStepMs),
                         targetText(report, BenchReport.Target.reverseRatio)])
            rows.append(["  --alignment forward (ref: jvp)", milliseconds(report.forwardStepMs), milliseconds(reference.jvpStepMs),
                         ratio(report.forwardStepMs / reference.jvpStepMs),
                         targetText(report, BenchReport.Target.forwardRatio)])
        } else {
            rows.append(["  --alignment reverse", milliseconds(report.reverseStepMs), "-", "", ""])
            rows.append(["  --alignment forward", milliseconds(report.forwardStepMs), "-", "", ""])
        }
        rows.append(["  reverse, default options", milliseconds(report.defaultSetupReverseStepMs), "-", "",
                     "grey input, T 8, augmented; " + targetText(report, BenchReport.Target.defaultStep, unit: milliseconds)])
        var lines = aligned(rows, rightAligned: [false, true, true, true, false])
        lines.append("  (the rows with a reference use the paper's setup, as the reference does: --paper)")
        if let skipped = report.referenceSkipped { lines.append("  (reference not run: \(skipped))") }
        return lines
    }

    /// Training state, scratch and peak memory.
    static func renderMemory(_ report: BenchReport) -> [String] {
        let m = report.memory
        var lines = [
            "training state       " + fixed(m.stateBytesPerParameter, 4) + " B/param (\(m.modelBytes) B packed model + "
                + "\(m.stateBytes - m.modelBytes) B counters)  "
                + targetText(report, BenchReport.Target.stateBytes) { fixed($0, 2) },
            "scratch (per step)   " + mebibytes(m.scratchBytes) + " (" + fixed(m.scratchBytesPerParameter, 1)
                + " B/param: expanded weights, \(report.configuration.threads) chunk workspaces)",
            "peak memory          \(mebibytes(m.trainingPeakResidentBytes)) (\(m.trainingCommand))",
        ]
        if let reference = report.reference {
            lines.append("                     \(mebibytes(reference.reversePeakResidentBytes)) (reference --mode reverse, \(reference.reverseSteps) steps)")
        }
        return lines
    }

    /// "target ≤ 0.20×: met", or "target ≥ 70%: MISSED" for a floor; "" when the report has
    /// no such target.
    static func targetText(_ report: BenchReport, _ name: String, unit: (Double) -> String = { ratio($0) }) -> String {
        guard let target = report.targets.first(where: { $0.name == name }) else { return "" }
        return "target \(target.isFloor ? "≥" : "≤") \(unit(target.limit)): " + verdict(target.met)
    }

    static func renderComparison(_ comparison: Comparison) -> String {
        let runs = [comparison.noiseStep, comparison.adamSTE]
        var rows = [["\(comparison.steps) steps each, same data, seed and batches", "noise_step", "Adam + STE"]]
        rows.append(["validation accuracy"] + runs.map { percent($0.validationAccuracy) })
        rows.append(["time per step (median)"] + runs.map { milliseconds($0.medianStepMs) })
        rows.append(["training state"] + runs.map { fixed($0.stateBytesPerParameter, 4) + " B/param" })
        rows.append(["scratch (per step)"] + runs.map { mebibytes($0.scratchBytes) })
        rows.append(["peak memory"] + runs.map { $0.peakResidentBytes.map(mebibytes) ?? "-" })
        return aligned(rows, rightAligned: [false, true, true]).joined(separator: "\n")
    }

    /// Pads each column to its widest cell; trailing spaces are trimmed.
    static func aligned(_ rows: [[String]], rightAligned: [Bool]) -> [String] {
        let widths = rightAligned.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let cells = row.indices.map { column -> String in
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                return rightAligned[column] ? padding + row[column] : row[column] + padding
            }
            return String(cells.joined(separator: "   ").reversed().drop { $0 == " " }.reversed())
        }
    }

    static func milliseconds(_ value: Double) -> String {
        fixed(value, value < 10 ? 2 : value < 1000 ? 1 : 0) + " ms"
    }

    static func ratio(_ value: Double) -> String { fixed(value, value < 0.1 ? 3 : 2) + "×" }

    static func mebibytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) + " MiB" }

    static func fixed(_ value: Double, _ digits: Int) -> String { NumberFormat.fixed(value, digits) }

    static func percent(_ fraction: Double) -> String { NumberFormat.percent(fraction) }

    static func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }
}
