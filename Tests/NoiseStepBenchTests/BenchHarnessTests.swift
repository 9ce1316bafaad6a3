import Foundation
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

    @Test func machineSectionStatesEachKernelAgainstThePeak() {
        var report = Self.report()
        report.machine = BenchReport.Machine(
            peakGflops: 200, peakGflopsByRound: [200],
            kernels: [BenchReport.KernelFigure(name: "hidden layer W·h", milliseconds: 0.5, gflops: 150, fractionOfPeak: 0.75)],
            forwardPassExecutedGflops: 100, evalImagesPerSecond: 123_456.7, padPredictionMs: 0.1234)
        #expect(BenchTable.renderMachine(report).joined(separator: "\n") == """

            machine peak         200.0 GFLOP/s (fp32 fused multiply-adds on 2 threads)
            kernel, alone on the batch's chunks   ms/batch   GFLOP/s   of peak
              hidden layer W·h                       0.500     150.0     75.0%
              forward pass, dense-equivalent         2.000     270.0    135.0%   target ≥ 70.0%: met
              forward pass, operations executed      2.000     100.0     50.0%
              (dense-equivalent counts every weight of the first layer; the kernel visits only inked inputs)

            eval                 123457 images/s (training split, workers and weights made per call)
            pad prediction       0.123 ms (MNIST-style preprocessing + class probabilities)
            """)
        report.forwardPassGflops = 100
        #expect(report.targets.first { $0.name == BenchReport.Target.forwardPassPeak }?.met == false)
        #expect(BenchTable.renderMachine(Self.report()).isEmpty)
    }

    @Test func theJSONLineWritesAFigureThatIsNotANumberAsNull() throws {
        var report = Self.report()
        report.forwardPassMs = 0  // the step times in forward passes are then not numbers
        let line = try report.jsonLine()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["reverse_step_in_forward_passes"] is NSNull && !line.contains("nan") && !line.contains("inf"))
        #expect((object["configuration"] as? [String: Any])?["steps_per_round"] as? Int == 20)
    }

    /// A report with round figures and no machine section.
    static func report() -> BenchReport {
        let configuration = BenchReport.Configuration(widths: [784, 256, 256, 10], parameters: 269_322, batch: 1024,
                                                      samples: 128, density: 6e-5, schedule: "paper", threads: 2,
                                                      rounds: 1, stepsPerRound: 20)
        let memory = BenchReport.Memory(stateBytes: 53_900, modelBytes: 53_867, stateBytesPerParameter: 0.2,
                                        scratchBytes: 1, scratchBytesPerParameter: 0, trainingPeakResidentBytes: 1,
                                        trainingCommand: "noisestep train")
        return BenchReport(configuration: configuration, reverseStepMs: 3, forwardStepMs: 30, reverseStepMsByRound: [3],
                           forwardStepMsByRound: [30], defaultSetupReverseStepMs: 3.4, forwardPassMs: 2,
                           forwardPassMsByRound: [2], forwardPassGflops: 270, memory: memory)
    }
}
