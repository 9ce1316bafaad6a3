import Testing
@testable import NoiseStep

/// A run opened from its step log shows the figures it had while training.
@Suite struct HistoryReplayTests {
    @Test func replayedHistoryMatchesTheTrainedSteps() throws {
        let options = StepLogFixtures.options()
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let validation = Fixtures.bands(count: 50, seed: 3)
        let writer = try StepLogFixtures.writer(path, options)
        let trainer = try Trainer(options: options, training: StepLogFixtures.data)
        var snapshots: [TrainingSnapshot] = [], scores: [Int: Double] = [:]
        for step in 1 ... 9 {
            if step == 4 { try trainer.adjust { ($0.rejectQuantile, $0.quantileSchedule) = (0.75, .fixed) } }
            let (snapshot, entry) = trainer.step()
            try writer.append(entry)
            snapshots.append(snapshot)
            if step % 4 == 0 || step == 9 { scores[step] = trainer.accuracy(on: validation) }
        }
        writer.close()

        let history = try RunHistory.replaying(StepLog.read(path: path), validation: validation, evalEvery: 4, threads: 2)
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
        // Up the default ramp from 0.5 until the change at step 4 fixed it at 0.75.
        #expect(history[4].settings.rejectQuantile == 0.75 && history[4].settings.quantileSchedule == .fixed)
        #expect(history[2].settings.rejectQuantile > 0.5 && history[2].settings.rejectQuantile < 0.51)
    }
}
