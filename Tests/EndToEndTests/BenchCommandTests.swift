import Foundation
import Testing

/// `noisestep bench` as a script runs it: its `--json` line read strictly.
@Suite struct BenchCommandTests {
    @Test func timeToAccuracyJSONIsStrict() throws {
        let bench = try BinaryUnderTest.run(["bench", "--time-to", "0.99", "--time-to-steps", "20", "--check-every", "10",
                                             "--rounds", "1", "--threads", "1", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let lines = bench.stdout.split(separator: "\n")
        #expect(lines.count == 1, "one JSON line on stdout, progress on stderr:\n\(bench.stdout)")
        let object = try StrictJSON.object(lines.first ?? "")
        #expect(object["target"] as? Double == 0.99 && object["max_steps"] as? Int == 20)
        let runs = try #require(object["noise_step"] as? [[String: Any]])
        #expect(runs.count == 1 && runs[0]["checks"] as? Int == 2 && runs[0]["step"] == nil, "never reached 99%")
        #expect((object["adam_ste"] as? [[String: Any]])?.count == 1)
        let peer = try #require(object["reference_adam_ste"] as? [[String: Any]])
        #expect(PythonTools.hasTorch ? peer.count == 1 && peer[0]["step"] == nil && (peer[0]["accuracy"] as? Double) != nil
                                     : peer.isEmpty && object["reference_skipped"] is String, "\(object)")
    }
}

extension BenchCommandTests {
    /// `bench --layers`: a layer list's step and forward-pass figures beside the MLP's step.
    @Test func aLayerListsFiguresAreStrictJSON() throws {
        let bench = try BinaryUnderTest.run(["bench", "--layers", "conv 2 5, pool 4, dense 10", "--rounds", "1",
                                             "--threads", "1", "--json"])
        #expect(bench.status == 0, "\(bench.stderr)")
        let object = try StrictJSON.object(bench.stdout.split(separator: "\n").first.map(String.init) ?? "")
        #expect(object["layers"] as? String == "conv 2 5, pool 4, dense 10")
        // conv: 2 × 25 weights at 24 × 24 positions; dense: 10 × 2 × 6 × 6.
        #expect(object["multiply_adds_per_image"] as? Int == 2 * 25 * 576 + 10 * 72)
        for key in ["reverse_step_ms", "forward_step_ms", "forward_pass_ms", "mlp_reverse_step_ms", "peak_gflops"] {
            #expect((object[key] as? Double ?? 0) > 0, "\(key)")
        }
        // Each layer's passes: forward for all, backward above the first; a rate where the
        // operations are the pass's work (not pooling).
        let passes = try #require(object["passes"] as? [[String: Any]])
        #expect(passes.map { "\($0["layer"] ?? "") \($0["pass"] ?? "")" }
                == ["1 conv 2 5 forward", "2 pool 4 forward", "2 pool 4 backward", "3 dense 10 forward", "3 dense 10 backward"])
        #expect(passes.map { $0["gflops"] != nil } == [true, false, false, true, true], "\(passes)")
        #expect(passes.allSatisfy { ($0["ms"] as? Double ?? 0) > 0 }, "\(passes)")
        #expect(object["reference_skipped"] as? String == "the PyTorch peer has only MLPs and the conv preset")
        let refused = try BinaryUnderTest.run(["bench", "--layers", "conv 2", "--rounds", "1"])
        #expect(refused.status == 64 && refused.stderr.contains("conv CHANNELS KERNEL"), "\(refused.stderr)")
    }
}
