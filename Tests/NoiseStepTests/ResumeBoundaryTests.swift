import Foundation
import Testing
@testable import NoiseStep

/// A run resumed after any step ends as the run that was never stopped: at every boundary
/// its schedules have (a validation, the paper schedule's density drop, a settings change
/// made at the dashboard, the target) and between them, through the one way a front end
/// resumes (`RunDriver.resuming`).
@Suite struct ResumeBoundaryTests {
    static let target = 16, evalEvery = 5, changedBefore = 9

    static func options() -> TrainingOptions {
        var options = StepLogFixtures.options()
        options.schedule = .paper
        options.temperature = 2
        options.samples = 128
        return options
    }

    /// Steps `driver` to `target`, changing the settings before step `changedBefore` as a
    /// key would.
    static func run(_ driver: RunDriver<Trainer>, to target: Int) throws {
        while driver.stepsDone < target {
            if driver.stepsDone + 1 == changedBefore {
                var settings = driver.settings
                settings.samples = 20
                settings.rejectQuantile = 0.6
                try driver.change(settings)
            }
            try driver.step()
        }
    }

    /// The log, the metrics lines without their timing, and the densities of a run.
    static func outcome(_ folder: String) throws -> (log: [UInt8], metrics: [String], densities: [Double]) {
        let lines = String(decoding: StepLogFixtures.bytes(of: folder + "/m.jsonl"), as: UTF8.self).split(separator: "\n")
        let metrics = lines.map { String($0.replacing(/"step_seconds":[^,}]*/, with: "").replacing(/"validation_accuracy":[^,]*,/, with: "")) }
        return (StepLogFixtures.bytes(of: folder + "/r.nstep"), metrics,
                try StepLogFixtures.entries(of: folder + "/r.nstep").map(\.density))
    }

    static func fresh(_ folder: String, target: Int) throws -> RunDriver<Trainer> {
        try RunDriver.fresh(options: options(), training: StepLogFixtures.data, validation: StepLogFixtures.data,
                            plan: RunPlan(targetStep: target, evalEvery: evalEvery),
                            log: { try StepLogWriter(creating: folder + "/r.nstep", options: $0, dataFingerprint: $1) },
                            metrics: (folder + "/m.jsonl", .refuse))
    }

    @Test func everyStepIsAPlaceToResumeFrom() throws {
        let whole = StepLogFixtures.scratchPath("whole")
        try FileManager.default.createDirectory(atPath: whole, withIntermediateDirectories: true)
        defer { StepLogFixtures.removeScratch(whole) }
        let uninterrupted = try Self.fresh(whole, target: Self.target)
        try Self.run(uninterrupted, to: Self.target)
        try uninterrupted.finish()
        let expected = try Self.outcome(whole)
        #expect(Set(expected.densities).count == 2, "the paper schedule lowers the density within the run (after step 5)")

        for stop in 0 ... Self.target {
            let folder = StepLogFixtures.scratchPath("part\(stop)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { StepLogFixtures.removeScratch(folder) }
            let first = try Self.fresh(folder, target: stop)
            try Self.run(first, to: stop)
            try first.finish()
            first.log?.close()
            let resumed = try RunDriver.resuming(folder + "/r.nstep", training: StepLogFixtures.data,
                                                 validation: StepLogFixtures.data, threads: 2, steps: Self.target,
                                                 evalEvery: Self.evalEvery, metrics: folder + "/m.jsonl")
            try Self.run(resumed.driver, to: Self.target)
            try resumed.driver.finish()
            let outcome = try Self.outcome(folder)
            #expect(resumed.driver.trainer.model == uninterrupted.trainer.model, "stopped after \(stop)")
            #expect(outcome.densities == expected.densities && outcome.metrics == expected.metrics, "stopped after \(stop)")
            // The log differs from the uninterrupted one only by the weights section the stop wrote.
            #expect(try StepLogFixtures.entries(of: folder + "/r.nstep") == StepLogFixtures.entries(of: whole + "/r.nstep"))
        }
    }
}
