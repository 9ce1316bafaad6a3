import Foundation
import Testing
@testable import NoiseStep

@Suite struct RunDriverTests {
    static let data = Fixtures.bands(count: 200)

    static func driver(target: Int, evalEvery: Int, options: TrainingOptions = StepLogFixtures.options(),
                       log: StepLogWriter? = nil, metrics: MetricsLog? = nil) throws -> RunDriver<Trainer> {
        RunDriver(trainer: try Trainer(options: options, training: data), validation: data,
                  plan: try RunPlan(targetStep: target, evalEvery: evalEvery), log: log, metrics: metrics)
    }

    @Test func validatesEveryIntervalAndAtTheTargetOnly() throws {
        let driver = try Self.driver(target: 7, evalEvery: 3)
        var validated: [Int] = []
        try driver.run(observe: { if $0.validationAccuracy != nil { validated.append($0.step) } })
        #expect(validated == [3, 6, 7])
        #expect(driver.lastValidation?.step == 7 && driver.lastValidation?.total == 200)
        #expect(driver.stepsDone == 7 && driver.stepsRun == 7)
    }

    @Test func evalEveryZeroValidatesOnlyTheTarget() throws {
        let driver = try Self.driver(target: 4, evalEvery: 0)
        var validated: [Int] = []
        try driver.run(observe: { if $0.validationAccuracy != nil { validated.append($0.step) } })
        #expect(validated == [4])
    }

    @Test func stopsAtTheTargetAndTheTargetCanMoveOn() throws {
        let driver = try Self.driver(target: 10, evalEvery: 0)
        for _ in 0 ..< 3 { try driver.step() }
        #expect(driver.stepsDone == 3 && !driver.isAtTarget)
        try driver.run()
        #expect(driver.stepsDone == 10 && driver.isAtTarget)
        try driver.extendTarget(by: 5)
        #expect(driver.plan.targetStep == 15 && !driver.isAtTarget)
        try driver.step()  // a step past the target is allowed; the next leg starts from the step
        #expect(throws: LimitViolation.self) { try driver.extendTarget(by: Int(UInt32.max)) }
    }

    @Test func settingsAreCheckedByTheRulebookAndRecorded() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let options = StepLogFixtures.options()
        let driver = try Self.driver(target: 4, evalEvery: 0, options: options,
                                     log: try StepLogWriter(creating: path, options: options, dataFingerprint: nil))
        try driver.step()
        var settings = driver.settings
        settings.samples = 0
        #expect(throws: LimitViolation.outOfRange(.samples, value: 0, allowed: Limits.samples)) { try driver.change(settings) }
        #expect(driver.settings.samples == options.samples)
        settings.samples = 7
        try driver.change(settings)
        try driver.run()
        try driver.finish()
        let log = try StepLog.read(path: path)
        #expect(try StepLogFixtures.entries(of: path).map(\.samples) == [32, 7, 7, 7])
        #expect(log.weightsSteps == [4])
        #expect(log.latestModel == driver.trainer.model)
    }

    /// Metrics of a resumed run: the lines after the resumed step are dropped, so the
    /// file ends as an uninterrupted run's would (timing aside).
    @Test func metricsContinueAfterTheResumedStep() throws {
        let path = StepLogFixtures.scratchPath("m.jsonl")
        defer { StepLogFixtures.removeScratch(path) }
        let whole = try Self.driver(target: 6, evalEvery: 2, metrics: try MetricsLog(creating: path, run: MetricsLogTests.run))
        try whole.run()
        try whole.finish()
        let uninterrupted = try String(contentsOfFile: path, encoding: .utf8)
        // A run that got to step 6 but whose log only kept 4 steps resumes from step 4.
        let trimmed = try MetricsLog(continuing: path, afterStep: 4, run: MetricsLogTests.run)
        trimmed.close()
        let kept = try String(contentsOfFile: path, encoding: .utf8)
        #expect(kept.split(separator: "\n").count == 4)
        #expect(uninterrupted.hasPrefix(kept))
    }

    @Test func metricsLinesCarryTheStepFirst() {
        #expect(MetricsLine.step(of: Array("{\"step\":123,\"loss\":1}".utf8)[...]) == 123)
        #expect(MetricsLine.step(of: Array("{\"loss\":1}".utf8)[...]) == nil)
        #expect(MetricsLine.step(of: Array("{\"step\":}".utf8)[...]) == nil)
    }
}
