import Foundation
import Testing
@testable import NoiseStep

/// A run stopped at any point and resumed from its log ends bit-identical to a run that
/// was never stopped.
@Suite struct StepLogResumeTests {
    static let steps = 10

    @Test(arguments: [DensitySchedule.fixed, .paper])
    func aResumedRunEqualsAnUninterruptedOne(schedule: DensitySchedule) throws {
        var options = StepLogFixtures.options()
        options.schedule = schedule
        let uninterrupted = try StepLogFixtures.train(options, steps: Self.steps)

        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let first = try Trainer(options: options, training: StepLogFixtures.data)
        let writer = try StepLogWriter(creating: path, options: options)
        for _ in 1 ... 6 { try writer.append(first.step().entry) }
        writer.close()
        // The process dies while writing step 7: a third of its record reaches the file.
        let seventh = first.step().entry
        let record = StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(seventh, previous: seventh.settings))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(record.prefix(record.count / 3)))
        try handle.close()

        let (resumed, log) = try StepLogWriter.resume(path: path)
        #expect(log.lastStep == 6 && log.tornBytes == record.count / 3)
        #expect(StepLogFixtures.bytes(of: path).count == log.fileBytes - log.tornBytes)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 2)
        while trainer.stepsDone < Self.steps { try resumed.append(trainer.step().entry) }
        resumed.close()

        #expect(trainer.model == uninterrupted.models[Self.steps])
        let final = try StepLog.read(path: path)
        #expect(final.entries == uninterrupted.entries)
        #expect(final.replay() == uninterrupted.models[Self.steps])
        #expect(final.tornBytes == 0)
    }

    @Test func resumingAfterAWeightsSectionKeepsIt() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 4)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogWriter(creating: path, options: options)
        for entry in run.entries[0 ..< 2] { try writer.append(entry) }
        try writer.appendWeights(run.models[2], step: 2)
        writer.close()
        let (resumed, log) = try StepLogWriter.resume(path: path)
        #expect(resumed.stepsDone == 2 && log.weights.map(\.step) == [2])
        for entry in run.entries[2...] { try resumed.append(entry) }
        resumed.close()
        let final = try StepLog.read(path: path)
        #expect(final.latestModel == run.models[4])
        try final.verifyWeights()
    }

    @Test func aSecondWriterIsRefusedWhileTheFirstIsOpen() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogWriter(creating: path, options: StepLogFixtures.options())
        defer { writer.close() }
        let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogWriter.resume(path: path) }
        #expect(error == .unwritable(file: path, reason: "another process is writing this log"))
    }

    @Test func appendsOutOfOrderAreRefusedAndWriteNothing() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogWriter(creating: path, options: options)
        defer { writer.close() }
        let size = StepLogFixtures.bytes(of: path).count
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(run.entries[1]) }
            == .cannotAppend(file: path, problem: "step 2 does not follow step 0"))
        var wrongCount = run.entries[0]
        wrongCount.keptSigns.removeLast()
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(wrongCount) } != nil)
        var badDensity = run.entries[0]
        badDensity.settings.density = 1.5
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.append(badDensity) }
            == .cannotAppend(file: path, problem: "step 1: \(LimitViolation.outOfRange(.density, value: 1.5, allowed: Limits.density))"))
        let other = TernaryModel(shape: ModelShape(hidden: [3]))
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.appendWeights(other, step: 0) }
            == .architectureMismatch(file: path, expected: "784→16→12→10", found: "784→3→10"))
        #expect(StepLogFixtures.bytes(of: path).count == size)
        try writer.append(run.entries[0])
        #expect(StepLogFixtures.error { () throws(StepLogError) in try writer.appendWeights(run.models[1], step: 2) }
            == .cannotAppend(file: path, problem: "weights of step 2, but the log holds 1 steps"))
        #expect(try StepLog.read(path: path).lastStep == 1)
    }

    @Test func aClosedWriterRefusesToAppend() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 1)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogWriter(creating: path, options: options)
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
        let error = StepLogFixtures.error { () throws(StepLogError) in _ = try StepLogWriter(creating: path, options: options) }
        #expect(error == .invalidOptions(file: path,
                                         problem: "\(LimitViolation.outOfRange(.hidden, value: 0, allowed: Limits.hiddenWidth))"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// Samples, quantile and schedule changed during a run (as the dashboard's keys do)
    /// are in force again after a resume, so the resumed run equals one never stopped.
    @Test func settingsChangedDuringARunSurviveAResume() throws {
        let options = StepLogFixtures.options()
        func adjust(_ step: Int, _ trainer: Trainer) throws {
            switch step {
            case 2: try trainer.adjust { $0.samples = 20 }
            case 3: try trainer.adjust { $0.rejectQuantile = 0.7 }
            case 4: try trainer.adjust { ($0.schedule, $0.density) = (.paper, 3e-3) }
            default: break
            }
        }
        let uninterrupted = try StepLogFixtures.train(options, steps: Self.steps, adjust: adjust)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let first = try Trainer(options: options, training: StepLogFixtures.data)
        let writer = try StepLogWriter(creating: path, options: options)
        for step in 1 ... 5 {
            try adjust(step, first)
            try writer.append(first.step().entry)
        }
        writer.close()
        let (resumed, log) = try StepLogWriter.resume(path: path)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 3)
        #expect(trainer.settings == StepSettings(density: uninterrupted.entries[5].density, samples: 20,
                                                 rejectQuantile: 0.7, schedule: .paper))
        while trainer.stepsDone < Self.steps { try resumed.append(trainer.step().entry) }
        resumed.close()
        #expect(trainer.model == uninterrupted.models[Self.steps])
        #expect(try StepLog.read(path: path).entries == uninterrupted.entries)
    }
}
