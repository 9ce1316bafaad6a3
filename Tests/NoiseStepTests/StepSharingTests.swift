import Testing
@testable import NoiseStep

/// A run shared by a group of 1, 2, 3 or 5 members (threads standing in for MPI ranks)
/// trains exactly what one process trains: same step records, same weights.
@Suite struct StepSharingTests {
    static let data = Fixtures.bands(count: 300)
    static let steps = 8

    /// Batch 200 is four chunks (64, 64, 64, 8), so a group of 5 has a member without any.
    static func options(threads: Int = 1) -> TrainingOptions {
        var options = TrainingOptions.paper
        options.hidden = [32, 32]
        options.batch = 200
        options.samples = 24
        options.density = 2e-3
        options.seed = 11
        options.threads = threads
        return options
    }

    /// Steps `driver` to `steps`, changing the settings before step 4 as a dashboard key does.
    static func train(_ driver: RunDriver<Trainer>) throws -> [StepLogEntry] {
        var entries: [StepLogEntry] = []
        for step in 1 ... steps {
            if step == 4 { try driver.trainer.adjust { $0.samples = 16; $0.rejectQuantile = 0.3; $0.density *= 2 } }
            entries.append(driver.trainer.step().entry)
        }
        return entries
    }

    static func driver(_ trainer: Trainer) throws -> RunDriver<Trainer> {
        RunDriver(trainer: trainer, validation: data, plan: try RunPlan(targetStep: steps, evalEvery: 0))
    }

    enum Outcome: Sendable {
        case leader([StepLogEntry], TernaryModel)
        case follower(steps: Int)
        case failed(String)
    }

    @Test(arguments: [1, 2, 3, 5])
    func aGroupTrainsWhatOneProcessTrains(size: Int) throws {
        let single = try Self.driver(Trainer(options: Self.options(), training: Self.data))
        let expected = try Self.train(single)
        let outcomes = ThreadGroup.run(size: size) { member -> Outcome in
            let sharing = StepSharing(group: member)
            do {
                guard sharing.isLeader else {
                    return .follower(steps: try sharing.follow(training: Self.data, threads: 1 + member.rank % 2))
                }
                let trainer = try Trainer(options: Self.options(threads: 2), training: Self.data, sharing: sharing)
                try sharing.start(trainer)
                let entries = try Self.train(Self.driver(trainer))
                sharing.release(stepsDone: trainer.stepsDone, model: trainer.model)
                return .leader(entries, trainer.model)
            } catch {
                return .failed("rank \(member.rank): \(error)")
            }
        }
        guard case .leader(let entries, let model) = outcomes[0] else { Issue.record("\(outcomes[0])"); return }
        let sameEntries = entries == expected, sameWeights = model == single.trainer.model
        #expect(sameEntries, "the step records differ from one process's")
        #expect(sameWeights, "the weights differ from one process's")
        for outcome in outcomes.dropFirst() {
            guard case .follower(let steps) = outcome else { Issue.record("\(outcome)"); continue }
            #expect(steps == Self.steps)
        }
    }

    /// A resumed leader starts its followers at its step, with its weights.
    @Test func followersStartWhereTheLeaderResumes() throws {
        let first = try Trainer(options: Self.options(), training: Self.data)
        for _ in 0 ..< 5 { _ = first.step() }
        let saved = try ModelFile.bytes(of: first.model, step: 5, options: first.options, settings: nil, file: "test")
        let alone = try Trainer(resuming: StepLog.decode(saved, file: "test"), training: Self.data, threads: 1)
        for _ in 5 ..< Self.steps { _ = alone.step() }
        let outcomes = ThreadGroup.run(size: 2) { member -> Outcome in
            let sharing = StepSharing(group: member)
            do {
                guard sharing.isLeader else { return .follower(steps: try sharing.follow(training: Self.data, threads: 1)) }
                let trainer = try Trainer(resuming: StepLog.decode(saved, file: "test"), training: Self.data,
                                          threads: 1, sharing: sharing)
                try sharing.start(trainer)
                for _ in 5 ..< Self.steps { _ = trainer.step() }
                sharing.release(stepsDone: trainer.stepsDone, model: trainer.model)
                return .leader([], trainer.model)
            } catch {
                return .failed("rank \(member.rank): \(error)")
            }
        }
        guard case .leader(_, let model) = outcomes[0] else { Issue.record("\(outcomes[0])"); return }
        let sameWeights = model == alone.model
        #expect(sameWeights, "the weights differ from a resumed single process's")
        guard case .follower(let steps) = outcomes[1] else { Issue.record("\(outcomes[1])"); return }
        #expect(steps == Self.steps - 5)
    }

    /// What a follower throws when the leader ends the run with `release`'s arguments.
    static func followerError(data: Dataset = data, release: @escaping @Sendable (Trainer) -> (Int, TernaryModel))
        -> DistributedError? {
        let outcomes = ThreadGroup.run(size: 2) { member -> DistributedError? in
            let sharing = StepSharing(group: member)
            guard sharing.isLeader else {
                do throws(DistributedError) { try sharing.follow(training: data, threads: 1) } catch { return error }
                return nil
            }
            guard let trainer = try? Trainer(options: options(), training: Self.data, sharing: sharing),
                  (try? sharing.start(trainer)) != nil else { return nil }
            for _ in 0 ..< 3 { _ = trainer.step() }
            let (steps, model) = release(trainer)
            sharing.release(stepsDone: steps, model: model)
            return nil
        }
        return outcomes[1]
    }

    @Test func aFollowerWithOtherDataStopsBeforeTheFirstStep() {
        let other = Fixtures.bands(count: 300, seed: 8)
        let error = Self.followerError(data: other) { ($0.stepsDone, $0.model) }
        #expect(error == .trainingDataDiffers(rank: 1, found: DataFingerprint(other), leader: DataFingerprint(Self.data)))
    }

    @Test func aFollowerWhoseWeightsDifferAtTheEndSaysSo() {
        let error = Self.followerError { ($0.stepsDone, TernaryModel(shape: $0.model.shape, seed: 99)) }
        #expect(error == .weightsDiffer(rank: 1, step: 3))
    }

    @Test func aFollowerToldAnotherStepCountSaysSo() {
        let error = Self.followerError { ($0.stepsDone + 1, $0.model) }
        #expect(error == .outOfStep(rank: 1, expected: 3, received: 4))
    }

    @Test func aPlainRunNeedsNoGroup() throws {
        let trainer = try Trainer(options: Self.options(), training: Self.data)
        #expect(trainer.sharing === StepSharing.single)
        #expect(trainer.sharing.chunks(of: 4) == 0 ..< 4)
    }
}
