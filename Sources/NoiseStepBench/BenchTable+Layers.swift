/// The text of `bench --layers`.
extension BenchTable {
    public static func render(_ r: LayerBench.Result) -> String {
        let rounds = r.reverseStepMsByRound.count
        var lines = [
            "layers \(r.layers): \(r.parameters) parameters, \(r.multiplyAddsPerImage) multiply-adds an image; "
                + "batch \(r.batch), \(r.samples) perturbations, \(r.threads) threads, medians of \(rounds) round"
                + (rounds == 1 ? "" : "s"),
        ]
        var rows = [["", "ms", "GFLOP/s", "of peak"]]
        rows.append(["reverse step", fixed(r.reverseStepMs, 1), "", ""])
        rows.append(["forward-mode step", fixed(r.forwardStepMs, 1), "", ""])
        rows.append(["forward pass (batch)", fixed(r.forwardPassMs, 2), fixed(r.forwardPassGflops, 1),
                     r.peakGflops > 0 ? percent(r.forwardPassGflops / r.peakGflops) : "-"])
        rows.append(["default MLP reverse step", fixed(r.mlpReverseStepMs, 1), "", ""])
        lines += aligned(rows, rightAligned: [false, true, true, true]).map { "  " + $0 }
        lines.append("  the layer list's step takes \(ratio(r.reverseStepMs / r.mlpReverseStepMs)) the MLP's; "
            + "machine peak \(fixed(r.peakGflops, 1)) GFLOP/s (fp32 fused multiply-adds)")
        return lines.joined(separator: "\n")
    }
}
