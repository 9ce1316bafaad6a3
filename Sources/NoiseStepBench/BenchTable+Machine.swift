import Foundation

/// The bench's section on the machine's limit and on inference.
extension BenchTable {
    /// The FMA peak, each kernel alone and the forward pass against it, then `eval` and the
    /// pad; nothing when the report has no machine figures.
    static func renderMachine(_ report: BenchReport) -> [String] {
        guard let machine = report.machine else { return [] }
        let peak = machine.peakGflops
        var rows = [["kernel, alone on the batch's chunks", "ms/batch", "GFLOP/s", "of peak", ""]]
        for kernel in machine.kernels {
            rows.append(["  " + kernel.name, fixed(kernel.milliseconds, 3), fixed(kernel.gflops, 1),
                         percent(kernel.fractionOfPeak), ""])
        }
        rows.append(["  forward pass, dense-equivalent", fixed(report.forwardPassMs, 3), fixed(report.forwardPassGflops, 1),
                     percent(report.forwardPassGflops / peak),
                     targetText(report, BenchReport.Target.forwardPassPeak) { percent($0) }])
        rows.append(["  forward pass, operations executed", fixed(report.forwardPassMs, 3),
                     fixed(machine.forwardPassExecutedGflops, 1), percent(machine.forwardPassExecutedGflops / peak), ""])
        return [
            "",
            "machine peak         \(fixed(peak, 1)) GFLOP/s (fp32 fused multiply-adds on \(report.configuration.threads) threads)",
        ] + aligned(rows, rightAligned: [false, true, true, true, false]) + [
            "  (dense-equivalent counts every weight of the first layer; the kernel visits only inked inputs)",
            "",
            "eval                 \(fixed(machine.evalImagesPerSecond, 0)) images/s (training split, workers and weights made per call)",
            "pad prediction       \(fixed(machine.padPredictionMs, 3)) ms (MNIST-style preprocessing + class probabilities)",
        ]
    }
}
