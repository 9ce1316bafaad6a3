/// The text of `bench --layers`.
extension BenchTable {
    public static func render(_ r: LayerBench.Result) -> String {
        let rounds = r.reverseStepMsByRound.count
        var lines = [
            "layers \(r.layers): \(r.parameters) parameters, \(r.multiplyAddsPerImage) multiply-adds an image; "
                + "batch \(r.batch), \(r.samples) perturbations, \(r.threads) threads, medians of \(rounds) round"
                + (rounds == 1 ? "" : "s"),
        ]
        func ofPeak(_ gflops: Double?) -> String {
            guard let gflops, r.peakGflops > 0 else { return "-" }
            return percent(gflops / r.peakGflops)
        }
        var rows = [["", "ms", "GFLOP/s", "of peak"]]
        rows.append(["reverse step", fixed(r.reverseStepMs, 1), "", ""])
        if let peer = r.referenceReverseStepMs { rows.append(["  PyTorch peer's reverse step", fixed(peer, 1), "", ""]) }
        rows.append(["forward-mode step", fixed(r.forwardStepMs, 1), "", ""])
        rows.append(["forward pass (batch)", fixed(r.forwardPassMs, 2), fixed(r.forwardPassGflops, 1),
                     ofPeak(r.forwardPassGflops)])
        for pass in r.passes {
            rows.append(["  layer \(pass.layer) \(pass.pass)", fixed(pass.ms, 2), pass.gflops.map { fixed($0, 1) } ?? "-",
                         ofPeak(pass.gflops)])
        }
        rows.append(["default MLP reverse step", fixed(r.mlpReverseStepMs, 1), "", ""])
        lines += aligned(rows, rightAligned: [false, true, true, true]).map { "  " + $0 }
        lines.append("  the layer list's step takes \(ratio(r.reverseStepMs / r.mlpReverseStepMs)) the MLP's"
            + (r.referenceReverseStepMs.map { "; the PyTorch peer's same step takes \(ratio($0 / r.reverseStepMs)) ours" } ?? "")
            + "; machine peak \(fixed(r.peakGflops, 1)) GFLOP/s (fp32 fused multiply-adds)")
        lines.append("  layer passes: each layer alone on the batch's chunks, inputs warm in cache; forward includes the"
            + " layer norm and ReLU or pooling after it")
        if let skipped = r.referenceSkipped { lines.append("  PyTorch peer skipped: \(skipped)") }
        return lines.joined(separator: "\n")
    }
}
