import Foundation
import Testing
@testable import NoiseStep

/// A step log rebuilds the trained weights exactly, from the seed and the kept signs alone.
@Suite struct StepLogReplayTests {
    @Test func replayEqualsTheTrainedWeightsAtEveryStep() throws {
        let options = StepLogFixtures.options()
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        let trainer = try Trainer(options: options, training: StepLogFixtures.data)
        var models = [trainer.model], entries = [StepLogEntry]()
        for _ in 1 ... 12 {
            let entry = trainer.step().entry
            try writer.append(entry)
            entries.append(entry)
            models.append(trainer.model)
        }
        writer.close()

        let log = try StepLog.read(path: path)
        #expect(log.options == options && log.dataFingerprint == StepLogFixtures.fingerprint)
        #expect(try StepLogFixtures.entries(of: path) == entries && log.lastEntry == entries.last)
        #expect(log.lastStep == 12 && log.startStep == 0 && log.tornBytes == 0 && log.records == 12)
        #expect(log.latestModel == models[12])
        #expect(try StepLog.read(path: path, through: 5).latestModel == models[5])
        #expect(try StepLog.read(path: path, through: 0).latestModel == models[0])
        #expect(try ModelFile.load(path).model == models[12])
    }

    @Test func settingsChangedDuringARunRoundTrip() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 8) { step, trainer in
            switch step {
            case 2: try trainer.adjust { $0.samples = 45 }
            case 3: try trainer.adjust { $0.density = 1e-3 }
            case 4: try trainer.adjust { $0.rejectQuantile = 0.75 }
            case 5: try trainer.adjust { $0.schedule = .paper }
            case 6: try trainer.adjust { ($0.samples, $0.rejectQuantile) = (7, 0) }
            default: break
            }
        }
        let bytes = try ModelFile.bytes(of: run.models[8], step: 8, options: options, entries: run.entries, settings: nil,
                                        file: "run.nstep")
        let entries = try StepLog.entries(in: bytes)
        #expect(entries == run.entries)
        #expect(entries.map(\.samples) == [32, 45, 45, 45, 45, 7, 7, 7])
        #expect(try StepLogFixtures.replay(bytes, to: 6) == run.models[6])
        #expect(try StepLog.decode(bytes, file: "run.nstep", verifying: true).checkedWeights == 1)
    }

    @Test func weightsSectionsLoadWithoutReplayAndVerify() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 6)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in run.entries[0 ..< 4] { try writer.append(entry) }
        try writer.appendWeights(run.models[4], step: 4)
        for entry in run.entries[4...] { try writer.append(entry) }
        try writer.appendWeights(run.models[6], step: 6)
        writer.close()

        let log = try StepLog.read(path: path)
        #expect(log.weightsSteps == [4, 6])
        #expect(log.startStep == 0)
        #expect(log.latestModel == run.models[6])
        #expect(try StepLog.read(path: path, through: 5, verifying: true).latestModel == run.models[5])
        #expect(try StepLog.read(path: path, verifying: true).checkedWeights == 2)
        let loaded = try ModelFile.load(path)
        #expect(loaded.model == run.models[6] && loaded.steps == 6 && loaded.options == options)
    }

    /// Weights that the steps before them do not produce: verifying refuses them, and so
    /// does loading a model (`eval`), which verifies; a quick read trusts them.
    @Test func verifyingFindsWeightsThatDoNotMatchTheSteps() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 3)
        // Well-formed, correct CRCs, but the weights of step 1 saved as those of step 2.
        var bytes = try StepLogHeader.encode(options: options, dataFingerprint: nil, file: "bad.nstep")
        for entry in run.entries[0 ..< 2] {
            bytes += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: entry.settings))
        }
        bytes += StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(run.models[1], step: 2))
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.decode(bytes, file: "bad.nstep", verifying: true) }
            == .weightsMismatch(file: "bad.nstep", step: 2))
        #expect(try StepLog.decode(bytes, file: "bad.nstep").latestModel == run.models[1])
        let path = StepLogFixtures.scratchPath("bad.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        try StepLogFixtures.write(bytes, to: path)
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try ModelFile.load(path) }
            == .weightsMismatch(file: path, step: 2))
    }

    @Test func aModelFileLoadsAndCanBeContinued() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 9)
        let path = StepLogFixtures.scratchPath("model.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        try ModelFile.write(run.models[6], step: 6, options: options, settings: nil, to: path)
        let loaded = try ModelFile.load(path)
        #expect(loaded.model == run.models[6] && loaded.steps == 6)

        let (writer, log) = try StepLogFixtures.resume(path)
        #expect(log.startStep == 6 && log.records == 0)
        for entry in run.entries[6...] { try writer.append(entry) }
        writer.close()
        let continued = try StepLog.read(path: path, verifying: true)
        #expect(continued.startStep == 6 && continued.lastStep == 9)
        #expect(continued.latestModel == run.models[9])
        #expect(try StepLog.read(path: path, through: 7).latestModel == run.models[7])
    }

    @Test func replayRunsFromTheBaseOfAModelFileAtStepZero() throws {
        let options = StepLogFixtures.options()
        let initial = TernaryModel(shape: ModelShape(hidden: options.hidden), seed: options.seed)
        let good = try ModelFile.bytes(of: initial, step: 0, options: options, settings: nil, file: "m.nstep")
        _ = try StepLog.decode(good, file: "m.nstep", verifying: true)
        var other = initial
        other[parameter: 0] = other[parameter: 0] == 0 ? 1 : 0
        let bad = try ModelFile.bytes(of: other, step: 0, options: options, settings: nil, file: "m.nstep")
        #expect(StepLogFixtures.error { () throws(StepLogError) in _ = try StepLog.decode(bad, file: "m.nstep", verifying: true) }
            == .weightsMismatch(file: "m.nstep", step: 0))
    }

    @Test func optionsRoundTripExactly() throws {
        var options = StepLogFixtures.options(seed: .max)
        options.density = 6e-5
        options.rejectQuantile = 0.3
        options.input = .gray
        options.alignment = .forward
        let bytes = try StepLogHeader.encode(options: options, dataFingerprint: nil, file: "x.nstep")
        #expect(try StepLog.decode(bytes, file: "x.nstep").options == options)
    }
}
