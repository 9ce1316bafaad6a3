import Foundation
import Testing
@testable import NoiseStep

/// A run of convolution and pooling layers is still seeds plus kept signs: its log records
/// the list, replaying it rebuilds the weights, a resumed run ends where an uninterrupted
/// one does, and neither the thread count nor the alignment engine's workers change a bit.
@Suite struct ConvRunTests {
    static let stack = "conv 4 5, pool 2, conv 6 3, pool 2, dense 12, dense 10"

    static func options(threads: Int = 1, alignment: AlignmentEngine = .reverse) throws -> TrainingOptions {
        var options = StepLogFixtures.options(samples: 48)
        options.use(layers: try LayerKinds.parse(stack))
        options.threads = threads
        options.alignment = alignment
        return options
    }

    @Test func theLogRecordsTheListAndReplaysToTheWeights() throws {
        let options = try Self.options()
        let run = try StepLogFixtures.train(options, steps: 6)
        #expect(run.models[6] != run.models[0], "the steps moved weights")
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in run.entries { try writer.append(entry) }
        writer.close()
        let log = try StepLog.read(path: path, verifying: true)
        #expect(log.shape.layers.map(\.spec) == ["conv 4 5", "pool 2", "conv 6 3", "pool 2", "dense 12", "dense 10"])
        #expect(log.options.layers?.spec == Self.stack)
        #expect(try StepLogFixtures.replay(StepLogFixtures.bytes(of: path)) == run.models[6])
        #expect(try StepLogFixtures.replay(StepLogFixtures.bytes(of: path), to: 3) == run.models[3])
    }

    @Test func aResumedRunEqualsAnUninterruptedOne() throws {
        let options = try Self.options()
        let uninterrupted = try StepLogFixtures.train(options, steps: 8)
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in uninterrupted.entries.prefix(5) { try writer.append(entry) }
        writer.close()
        let (resumed, log) = try StepLogFixtures.resume(path)
        let trainer = try Trainer(resuming: log, training: StepLogFixtures.data, threads: 3)
        while trainer.stepsDone < 8 { try resumed.append(trainer.step().entry) }
        resumed.close()
        #expect(trainer.model == uninterrupted.models[8])
        #expect(try StepLogFixtures.entries(of: path) == uninterrupted.entries)
    }

    @Test(arguments: [AlignmentEngine.reverse, .forward])
    func theWeightsDoNotDependOnTheThreadCount(alignment: AlignmentEngine) throws {
        let runs = try [1, 2, 3].map { try StepLogFixtures.train(Self.options(threads: $0, alignment: alignment), steps: 4) }
        #expect(runs[0].models[4] != runs[0].models[0])
        #expect(runs[1].models[4] == runs[0].models[4])
        #expect(runs[2].models[4] == runs[0].models[4])
        #expect(runs[1].entries == runs[0].entries && runs[2].entries == runs[0].entries)
    }
}
