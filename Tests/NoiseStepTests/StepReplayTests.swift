import Testing
@testable import NoiseStep

/// The replay that reads a log draws a batch of steps' perturbations at once on every
/// processor; its weights are the step-by-step replay's, bit for bit, across batch
/// boundaries and weights sections, and it reports its progress through a long log.
@Suite struct StepReplayTests {
    @Test func batchedReplayEqualsTheStepByStepReplay() throws {
        let options = StepLogFixtures.options()
        let run = try StepLogFixtures.train(options, steps: 150) { step, trainer in
            if step == 90 { try trainer.adjust { $0.samples = 20 } }
        }
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for entry in run.entries {
            try writer.append(entry)
            if entry.step == 70 || entry.step == 130 { try writer.appendWeights(run.models[entry.step], step: entry.step) }
        }
        writer.close()
        var visited = [Int](), sparsities = [Double]()
        let log = try StepLog.read(path: path, verifying: true) { step in
            visited.append(step.entry.step)
            sparsities.append(Double(step.zeros))
            #expect(step.model == run.models[step.entry.step])
        }
        #expect(log.latestModel == run.models[150] && log.checkedWeights == 2 && visited == Array(1 ... 150))
        #expect(sparsities == run.models[1...].map { Double($0.layers.reduce(0) { $0 + $1.zeroCount }) })
        var sequential = TernaryModel(shape: log.shape, seed: options.seed)
        for entry in run.entries { entry.replay(seed: options.seed, on: &sequential) }
        #expect(sequential == run.models[150])
        #expect(try StepLog.read(path: path, through: 100).latestModel == run.models[100])
    }

    @Test func readingALongLogReportsItsProgress() throws {
        let options = StepLogFixtures.options()
        let entry = try StepLogFixtures.train(options, steps: 1).entries[0]
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let writer = try StepLogFixtures.writer(path, options)
        for step in 1 ... 15_000 {
            var next = entry
            next.step = step
            try writer.append(next)
        }
        writer.close()
        var reports = [(done: Int, total: Int)]()
        let log = try StepLog.read(path: path, progress: { reports.append(($0, $1)) })
        #expect(reports.count >= 3, "a report every 1/200 of the file or 64 KiB: \(reports.count)")
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done < $1.done })
        #expect(reports.allSatisfy { $0.total == log.fileBytes && $0.done <= log.fileBytes })
    }
}
