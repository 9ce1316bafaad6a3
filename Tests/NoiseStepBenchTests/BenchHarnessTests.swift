import Testing
@testable import NoiseStepBench

/// The parts of the bench harness that run no child process: reading the reference's
/// summary, finding its script, and the dashboard bench's text.
@Suite struct BenchHarnessTests {
    @Test func summaryMedianReadsTheLastSummaryLine() {
        let output = """
            loading
            {"step": 3, "loss": 2.1}
            {"summary": true, "median_ms_per_step": 99}
            {"summary": true, "median_ms_per_step": 14.5}
            {"summary": false, "median_ms_per_step": 98}
            done
            """
        #expect(ReferenceRunner.summaryMedian(output) == 14.5)
        #expect(ReferenceRunner.summaryMedian("{\"summary\": false, \"median_ms_per_step\": 1}") == nil)
        #expect(ReferenceRunner.summaryMedian("no json here") == nil)
    }

    @Test func anExplicitReferenceThatDoesNotExistIsAnError() {
        #expect(throws: BenchError.self) {
            _ = try Bench.prepareReference(.locate(explicit: "/nonexistent/ref_noise_step.py"), threads: 1)
        }
        let skipped = try? Bench.prepareReference(.skip, threads: 1)
        #expect(skipped?.0 == nil && skipped?.1 == "--no-reference")
    }

    @Test func dashboardTextNamesRatesAndTargets() {
        let result = DashboardBench.Result(steps: 600, threads: 2, rounds: 3, headlessStepsPerSecond: 200,
                                           dashboardStepsPerSecond: 170, framesPerSecond: 20.04,
                                           headlessByRound: [], dashboardByRound: [], framesPerSecondByRound: [])
        #expect(BenchTable.render(result) == """
            dashboard bench: 600 steps per run, default options, validation off, 2 threads; medians of 3 rounds
              headless train      200.0 steps/s
              dashboard open      170.0 steps/s   85.0% of headless   target ≥ 90%: MISSED
              frame rate          20.0 frames/s   target ≥ 10: met
            """)
    }
}
