import Foundation
import Testing
@testable import NoiseStep

/// A run stopped at any point and resumed from its log ends bit-identical to a run that
/// was never stopped.
@Suite struct StepLogResumeTests {
    static let steps = 10

    /// The density schedules, and a run resumed halfway up its quantile and batch ramps,
    /// keeping by reliability above a floor.
    @Test(arguments: [(DensitySchedule.fixed, false), (.paper, false), (.fixed, true)])
    func aResumedRunEqualsAnUninterruptedOne(schedule: DensitySchedule, ramped: Bool) throws {
        var options = StepLogFixtures.options()
        options.schedule = schedule
        if ramped {
            (options.keepBy, options.keepFloor) = (.reliability, 0.3)
            options.ramp = Ramp(steps: 9, quantileTo: 0.85, batchFrom: 40)
        }
        let uninterrupted = try StepLogFixtures.train(options, steps: Self.steps)

        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let first = try Trainer(options: options, training: StepLogFixtures.data)
        let writer = try StepLogFixtures.writer(path, options)
        for _ in 1 ... 6 { try writer.append(first.step().entry) }
        writer.close()
        // The process dies while writing step 7: a third of its record reaches the file.
        let seventh = first.step().entry
        let record = StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(seventh, previous: seventh.settings))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(record.prefix(record.count / 3)))
        try handle.close()

        let (resumed, log) = try StepLogFixtures.resume(path)
        #expect(log.lastStep == 6 && log.tornBytes == record.count / 3)
        #expect(StepLogFixtures.bytes(of: path).count == log.fileBytes - log.tornBytes)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 2)
        while trainer.stepsDone < Self.steps { try resumed.append(trainer.step().entry) }
        resumed.close()

        #expect(trainer.model == uninterrupted.models[Self.steps])
        let final = try StepLog.read(path: path, verifying: true)
        #expect(try StepLogFixtures.entries(of: path) == uninterrupted.entries)
        #expect(final.latestModel == uninterrupted.models[Self.steps])
        #expect(final.tornBytes == 0)
    }

    @Test func resumingAfterAWeightsSectionKeepsIt() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 4)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in run.entries[0 ..< 2] { try writer.append(entry) }
        try writer.appendWeights(run.models[2], step: 2)
        writer.close()
        let (resumed, log) = try StepLogFixtures.resume(path)
        #expect(resumed.stepsDone == 2 && log.weightsSteps == [2] && log.checkedWeights == 1)
        for entry in run.entries[2...] { try resumed.append(entry) }
        resumed.close()
        let final = try StepLog.read(path: path, verifying: true)
        #expect(final.latestModel == run.models[4])
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstIsOpen() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path)
        defer { writer.close() }
        let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogFixtures.resume(path) }
        #expect(error == .io(file: path, problem: .locked))
    }

    /// Whatever the order, a second writer never takes over a log: a new run finds the
    /// path taken, a forced one finds it locked, and the lock is on the file the path
    /// names from before its name appears until the writer closes.
    @Test func theLockCoversThePathForTheWholeLifeOfTheWriter() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        func create(_ existing: ExistingFile) -> StepLogError? {
            StepLogFixtures.error { () throws(StepLogError) in
                _ = try StepLogWriter(creating: path, options: options, dataFingerprint: nil, existing: existing)
            }
        }
        let first = try StepLogFixtures.writer(path, options)
        try first.append(run.entries[0])
        #expect(create(.refuse) == .io(file: path, problem: .exists(.stepLog)))
        #expect(create(.replace) == .io(file: path, problem: .locked))
        try first.append(run.entries[1])
        first.close()
        // Resumed: the resuming writer holds the lock in turn.
        let (resumed, _) = try StepLogFixtures.resume(path)
        #expect(create(.replace) == .io(file: path, problem: .locked))
        resumed.close()
        #expect(try StepLogFixtures.entries(of: path) == run.entries)
        // Closed: --force may now replace it, and the new log is locked from the start.
        let replacement = try StepLogWriter(creating: path, options: options, dataFingerprint: nil, existing: .replace)
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogFixtures.resume(path) }
            == .io(file: path, problem: .locked))
        replacement.close()
        #expect(try StepLog.read(path: path).lastStep == 0)
    }

    /// `--force` replaces step logs only: any other file at the path is kept.
    @Test func forceReplacesOnlyAStepLog() throws {
        let path = StepLogFixtures.scratchPath("notes.txt")
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write(Array("my notes\n".utf8), to: path)
        let error = StepLogFixtures.error { () throws(StepLogError) in
            _ = try StepLogWriter(creating: path, options: StepLogFixtures.options(), dataFingerprint: nil, existing: .replace)
        }
        #expect(error == .io(file: path, problem: .notReplaceable(expected: .stepLog)))
        #expect(StepLogFixtures.bytes(of: path) == Array("my notes\n".utf8))
    }

    /// A log that recorded its training data is continued on that data only; one written
    /// before fingerprints existed (or without one) is continued unchecked.
    @Test func resumingOnOtherDataIsRefused() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in run.entries { try writer.append(entry) }
        writer.close()
        let other = DataFingerprint(Fixtures.bands(count: 200, seed: 8))
        let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogWriter.resume(path: path, trainingData: other) }
        #expect(error == .otherTrainingData(file: path, recorded: StepLogFixtures.fingerprint, given: other))
        #expect(try StepLogFixtures.entries(of: path) == run.entries, "a refused resume changes nothing")

        let unknown = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(unknown) }
        let old = try StepLogWriter(creating: unknown, options: options, dataFingerprint: nil)
        try old.append(run.entries[0])
        old.close()
        let (resumed, log) = try StepLogWriter.resume(path: unknown, trainingData: other)
        #expect(log.dataFingerprint == nil && resumed.stepsDone == 1)
    }

    @Test func appendsOutOfOrderAreRefusedAndWriteNothing() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        defer { writer.close() }
        let size = StepLogFixtures.bytes(of: path).count
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(run.entries[1]) }
            == .cannotAppend(file: path, problem: .stepOutOfOrder(found: 2, expected: 1)))
        var wrongCount = run.entries[0]
        wrongCount.keptSigns.removeLast()
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(wrongCount) }
            == .cannotAppend(file: path, problem: .keptSigns(count: 31, samples: 32)))
        var badDensity = run.entries[0]
        badDensity.settings.density = 1.5
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(badDensity) }
            == .cannotAppend(file: path, problem: .limit(.outOfRange(.density, value: 1.5, allowed: Limits.density))))
        for (loss, accuracy) in [(Float.nan, Float(0.5)), (2.3, .infinity), (2.3, 1.5)] {
            var badMetrics = run.entries[0]
            (badMetrics.loss, badMetrics.batchAccuracy) = (loss, accuracy)
            #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(badMetrics) }
                == .cannotAppend(file: path, problem: .metricsOutOfRange(StepMetrics(loss: loss, batchAccuracy: accuracy))))
        }
        let other = TernaryModel(shape: ModelShape(hidden: [3]))
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.appendWeights(other, step: 0) }
            == .architectureMismatch(file: path, expected: [784, 16, 12, 10], found: [784, 3, 10]))
        #expect(StepLogFixtures.bytes(of: path).count == size)
        try writer.append(run.entries[0])
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.appendWeights(run.models[1], step: 2) }
            == .cannotAppend(file: path, problem: .weightsStep(2, stepsDone: 1)))
        #expect(try StepLog.read(path: path).lastStep == 1)
    }

    @Test func aClosedWriterRefusesToAppend() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 1)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        writer.close()
        writer.close()
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(run.entries[0]) }
            == .writerFailed(file: path))
    }

    @Test func invalidOptionsAreRefusedBeforeAnythingIsWritten() {
        var options = StepLogFixtures.options()
        options.hidden = [0]
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogFixtures.writer(path, options) }
        #expect(error == .invalidOptions(file: path, problem: .limit(.outOfRange(.hidden, value: 0, allowed: Limits.hiddenWidth))))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Samples, quantile and schedule changed during a run (as the dashboard's keys do)
    /// are in force again after a resume, so the resumed run equals one never stopped.
    @Test func settingsChangedDuringARunSurviveAResume() throws {
        var options = StepLogFixtures.options()
        options.ramp = Ramp(steps: 8, quantileTo: 0.9)
        options.rejectQuantile = 0.6
        func adjust(_ step: Int, _ trainer: Trainer) throws {
            switch step {
            case 2: try trainer.adjust { $0.samples = 20 }
            case 3: try trainer.adjust { ($0.rejectQuantile, $0.quantileSchedule) = (0.7, .fixed) }
            case 4: try trainer.adjust { ($0.schedule, $0.density) = (.paper, 3e-3) }
            case 5: try trainer.adjust { ($0.keepBy, $0.quantileSchedule) = (.reliability, .ramp) }
            default: break
            }
        }
        let uninterrupted = try StepLogFixtures.train(options, steps: Self.steps, adjust: adjust)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let first = try Trainer(options: options, training: StepLogFixtures.data)
        let writer = try StepLogFixtures.writer(path, options)
        for step in 1 ... 5 {
            try adjust(step, first)
            try writer.append(first.step().entry)
        }
        writer.close()
        let (resumed, log) = try StepLogFixtures.resume(path)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 3)
        // Back on the ramp at step 5 (a quantile key had taken it off), so step 6 has its value.
        #expect(trainer.settings == StepSettings(density: uninterrupted.entries[5].density, samples: 20,
                                                 rejectQuantile: Ramp(steps: 8).value(from: 0.6, to: 0.9, atStep: 6),
                                                 schedule: .paper, quantileSchedule: .ramp, keepBy: .reliability))
        while trainer.stepsDone < Self.steps { try resumed.append(trainer.step().entry) }
        resumed.close()
        #expect(trainer.model == uninterrupted.models[Self.steps])
        #expect(try StepLogFixtures.entries(of: path) == uninterrupted.entries)
    }
}
