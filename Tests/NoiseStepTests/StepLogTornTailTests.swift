import Foundation
import Testing
@testable import NoiseStep

/// A log cut anywhere inside its last section reads up to the step before it.
@Suite struct StepLogTornTailTests {
    /// Header and records only; `prefix(k)` of the entries gives a prefix of the bytes.
    static func recordBytes(_ options: TrainingOptions, _ entries: ArraySlice<StepLogEntry>) throws -> [UInt8] {
        var bytes = try StepLogHeader.encode(options: options, dataFingerprint: StepLogFixtures.fingerprint, file: "run.nstep")
        var previous = StepSettings(options)
        for entry in entries {
            bytes += StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(entry, previous: previous))
            previous = entry.settings
        }
        return bytes
    }

    @Test func aLogCutAtEveryByteOfItsLastRecordLoadsTheStepsBefore() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 5) { step, trainer in
            if step == 5 { try trainer.adjust { $0.samples = 33 } }  // the last record spells out its settings
        }
        let four = try Self.recordBytes(options, run.entries[0 ..< 4])
        let five = try Self.recordBytes(options, run.entries[0 ..< 5])
        #expect(five.starts(with: four))
        for cut in four.count ..< five.count {
            let log = try StepLog.decode(Array(five.prefix(cut)), file: "run.nstep")
            #expect(log.lastStep == 4 && log.tornBytes == cut - four.count, "cut at \(cut)")
            #expect(log.latestModel == run.models[4], "cut at \(cut)")
        }
        #expect(try StepLog.decode(five, file: "run.nstep").latestModel == run.models[5])
    }

    /// A log being written, polled by its step count alone: every cut of its last
    /// record counts the steps before it, and the whole record counts too.
    @Test func stepsRecordedCountsAGrowingLogWithoutReplaying() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 3)
        let two = try Self.recordBytes(options, run.entries[0 ..< 2])
        let three = try Self.recordBytes(options, run.entries[0 ..< 3])
        let path = StepLogFixtures.scratchPath("growing.nstep")
        defer { StepLogFixtures.removeScratch(path) }
        for cut in [two.count, two.count + 5, three.count] {
            try Data(three.prefix(cut)).write(to: URL(fileURLWithPath: path))
            #expect(try StepLog.stepsRecorded(path: path) == (cut == three.count ? 3 : 2), "cut at \(cut)")
        }
    }

    @Test func aLogCutInsideItsWeightsSectionLoadsTheSteps() throws {
        let options = StepLogFixtures.options(hidden: [3])
        let run = try StepLogFixtures.train(options, steps: 2)
        let records = try Self.recordBytes(options, run.entries[...])
        let full = try ModelFile.bytes(of: run.models[2], step: 2, options: options,
                                       dataFingerprint: StepLogFixtures.fingerprint, entries: run.entries, settings: nil,
                                       file: "run.nstep")
        #expect(full.starts(with: records))
        for cut in stride(from: records.count, to: full.count, by: 7) {
            let log = try StepLog.decode(Array(full.prefix(cut)), file: "run.nstep")
            #expect(log.lastStep == 2 && log.weightsSteps.isEmpty && log.tornBytes == cut - records.count)
        }
    }

    /// A model file whose weights are a run's made sparse (19 of 20 parameters 0, the rest
    /// the run's own), so that their packing is mostly zero bytes, continued by one step.
    /// Cut at every byte of the weights section and of the record after it, it reads the
    /// steps before the cut; resuming it cuts the tail off and carries on to the same bytes.
    @Test func aLogCutAtEveryByteOfSparseWeightsOrTheRecordAfterThem() throws {
        let options = StepLogFixtures.options(hidden: [3])
        let run = try StepLogFixtures.train(options, steps: 3)
        var values = run.models[2].flatParameters
        for index in values.indices where index % 20 != 7 { values[index] = 0 }
        let sparse = TernaryModel(shape: run.models[2].shape, flatParameters: values)
        let header = try Self.recordBytes(options, [])
        let weights = header + StepLogSection.frame(kind: .weights, body: StepLogSection.weightsBody(sparse, step: 2))
        let after = weights + StepLogSection.frame(kind: .step, body: StepLogSection.stepBody(run.entries[2],
                                                                                             previous: StepSettings(options)))
        #expect(weights.dropFirst(header.count).filter { $0 == 0 }.count > 300, "mostly zero bytes")
        let initial = TernaryModel(shape: sparse.shape, seed: options.seed)
        for cut in header.count ..< after.count {
            let log = try StepLog.decode(Array(after.prefix(cut)), file: "run.nstep")
            let (steps, model, torn) = cut < weights.count ? (0, initial, cut - header.count) : (2, sparse, cut - weights.count)
            #expect(log.lastStep == steps && log.tornBytes == torn && log.latestModel == model, "cut at \(cut)")
        }
        #expect(try StepLog.decode(after, file: "run.nstep").latestModel == sparse.replaying(run.entries[2], seed: options.seed))
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        for cut in [weights.count + 1, weights.count + 6, after.count - 1] {
            try StepLogFixtures.write(Array(after.prefix(cut)), to: path)
            let (writer, log) = try StepLogFixtures.resume(path)
            #expect(writer.stepsDone == 2 && log.tornBytes == cut - weights.count, "cut at \(cut)")
            try writer.append(run.entries[2])
            writer.close()
            #expect(StepLogFixtures.bytes(of: path) == after, "cut at \(cut)")
        }
    }

    @Test func trailingZeroBytesAreATornTail() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let bytes = try Self.recordBytes(options, run.entries[...])
        for zeros in [1, 6, 100, 5000] {
            let log = try StepLog.decode(bytes + [UInt8](repeating: 0, count: zeros), file: "run.nstep")
            #expect(log.lastStep == 2 && log.tornBytes == zeros)
        }
    }

    /// A tail is torn only when every byte of it is zero: one that starts with a zero but
    /// holds anything else, near its start or far past the first window read, is damage.
    @Test func aTailWithAByteThatIsNotZeroIsDamageNotATornTail() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 2)
        let bytes = try Self.recordBytes(options, run.entries[...])
        for (zeros, byte) in [(8, UInt8(9)), (70_000, UInt8(1))] {
            let tail = [UInt8](repeating: 0, count: zeros) + [byte]
            #expect(throws: StepLogError.self, "\(zeros) zeros then \(byte)") {
                try StepLog.decode(bytes + tail, file: "run.nstep")
            }
        }
    }

    @Test func resumeCutsTheTornTailOffTheFile() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 3)
        let two = try Self.recordBytes(options, run.entries[0 ..< 2])
        let three = try Self.recordBytes(options, run.entries[0 ..< 3])
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        for cut in [two.count + 1, two.count + 6, three.count - 1] {
            try StepLogFixtures.write(Array(three.prefix(cut)), to: path)
            let (writer, log) = try StepLogFixtures.resume(path)
            #expect(log.lastStep == 2 && writer.stepsDone == 2)
            #expect(StepLogFixtures.bytes(of: path) == two)
            try writer.append(run.entries[2])
            writer.close()
            #expect(StepLogFixtures.bytes(of: path) == three)
        }
    }

    @Test func aHeaderWithoutStepsIsAnEmptyLog() throws {
        let options = StepLogFixtures.options()
        let log = try StepLog.decode(try Self.recordBytes(options, []), file: "run.nstep")
        #expect(log.records == 0 && log.lastStep == 0 && log.tornBytes == 0)
        #expect(log.latestModel == TernaryModel(shape: ModelShape(hidden: options.hidden), seed: options.seed))
    }
}

extension TernaryModel {
    /// This model after `entry`'s update.
    func replaying(_ entry: StepLogEntry, seed: UInt64) -> TernaryModel {
        var model = self
        entry.replay(seed: seed, on: &model)
        return model
    }
}
