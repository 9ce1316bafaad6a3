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
    }
}
