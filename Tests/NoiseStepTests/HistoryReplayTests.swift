import Testing
@testable import NoiseStep

/// A run opened from its step log shows the figures it had while training.
@Suite struct HistoryReplayTests {
    static let validation = Fixtures.bands(count: 50, seed: 3)

    /// A 9-step log (the reject quantile changed before step 4) at `path`, with each step's
    /// figures and its validation score when scored every 4 steps and at the last.
    static func writeLog(_ path: String) throws -> (snapshots: [TrainingSnapshot], scores: [Int: Double]) {
        let options = StepLogFixtures.options()
        let writer = try StepLogFixtures.writer(path, options)
        defer { writer.close() }
        let trainer = try Trainer(options: options, training: StepLogFixtures.data)
        var snapshots: [TrainingSnapshot] = [], scores: [Int: Double] = [:]
        for step in 1 ... 9 {
            if step == 4 { try trainer.adjust { $0.rejectQuantile = 0.75 } }
            let (snapshot, entry) = trainer.step()
            try writer.append(entry)
            snapshots.append(snapshot)
            if step % 4 == 0 || step == 9 { scores[step] = trainer.accuracy(on: validation) }
        }
        return (snapshots, scores)
    }

    @Test func replayedHistoryMatchesTheTrainedSteps() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let (snapshots, scores) = try Self.writeLog(path)
        let history = try RunHistory.replaying(StepLog.read(path: path), validation: Self.validation, evalEvery: 4,
                                               threads: 2)
        #expect(history.count == 9)
        for (record, snapshot) in zip(history, snapshots) {
            #expect(record.step == snapshot.step)
            #expect(record.loss == Double(Float(snapshot.loss)))
            #expect(record.batchAccuracy == Double(Float(snapshot.batchAccuracy)))
            #expect(record.acceptanceRate == snapshot.acceptanceRate)
            #expect(record.weightsChanged == snapshot.weightsChanged)
            #expect(record.sparsity == snapshot.sparsity)
            #expect(record.settings.rejectQuantile == snapshot.rejectQuantile)
            #expect(record.validationAccuracy == scores[record.step])
            #expect(record.alignmentThreshold == nil)
        }
        #expect(history[4].settings.rejectQuantile == 0.75 && history[2].settings.rejectQuantile == 0.5)
    }

    /// The replay scores by the run plan's one rule: every `evalEvery` steps and the last
    /// (0: the last only), at the edges of the interval too.
    @Test(arguments: [(0, [9]), (1, Array(1 ... 9)), (4, [4, 8, 9]), (8, [8, 9]), (9, [9]), (10, [9]),
                      (Int(UInt32.max), [9])])
    func scoresWhereTheRunPlanScores(evalEvery: Int, scored: [Int]) throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        _ = try Self.writeLog(path)
        let history = try RunHistory.replaying(StepLog.read(path: path), validation: Self.validation,
                                               evalEvery: evalEvery, threads: 1)
        #expect(history.filter { $0.validationAccuracy != nil }.map(\.step) == scored)
        let plan = try RunPlan(targetStep: 9, evalEvery: evalEvery)
        #expect(scored == (1 ... 9).filter { plan.validates(after: $0) })
    }

    @Test(arguments: [-1, Int(UInt32.max) + 1])
    func refusesAnIntervalOutsideTheRulebook(evalEvery: Int) throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        _ = try Self.writeLog(path)
        #expect(throws: LimitViolation.outOfRange(.evalEvery, value: Double(evalEvery), allowed: Limits.evalEvery)) {
            try RunHistory.replaying(StepLog.read(path: path), validation: Self.validation, evalEvery: evalEvery)
        }
    }
}
