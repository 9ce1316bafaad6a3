import Testing
@testable import NoiseStep

@Suite struct TrainerTests {
    static let data = Fixtures.bands(count: 300)

    func options(seed: UInt64 = 5, threads: Int = 1) -> TrainingOptions {
        var options = TrainingOptions.paper
        options.hidden = [32, 32]
        options.batch = 128
        options.samples = 64
        options.density = 2e-3
        options.schedule = .fixed
        options.seed = seed
        options.threads = threads
        return options
    }

    @Test func trainingLowersTheLoss() throws {
        let trainer = try Trainer(options: options(), training: Self.data)
        var losses: [Double] = []
        for _ in 0 ..< 150 { losses.append(trainer.step().snapshot.loss) }
        let early = losses.prefix(10).reduce(0, +) / 10, late = losses.suffix(10).reduce(0, +) / 10
        #expect(late < 0.6 * early, "loss \(early) → \(late)")
        #expect(trainer.accuracy(on: Self.data) > 0.6)
    }

    /// The paper's keep rule, or (`ramped`) reliability with a floor on quantile and batch
    /// ramps (batch 100 → 300: two to five chunks, the last one partial).
    func options(seed: UInt64, threads: Int, ramped: Bool) -> TrainingOptions {
        var options = options(seed: seed, threads: threads)
        guard ramped else { return options }
        (options.keepBy, options.keepFloor, options.batch) = (.reliability, 0.5, 300)
        options.ramp = Ramp(steps: 20, quantileTo: 0.9, batchFrom: 100)
        return options
    }

    @Test(arguments: [false, true])
    func sameSeedGivesIdenticalWeightsWhateverTheThreadCount(ramped: Bool) throws {
        let options = { self.options(seed: $0, threads: $1, ramped: ramped) }
        let one = try Trainer(options: options(5, 1), training: Self.data)
        let two = try Trainer(options: options(5, 2), training: Self.data)
        let four = try Trainer(options: options(5, 4), training: Self.data)
        for _ in 0 ..< 25 {
            let a = one.step().snapshot, b = two.step().snapshot, c = four.step().snapshot
            #expect(a.loss == b.loss && b.loss == c.loss)
        }
        #expect(one.model == two.model)
        #expect(two.model == four.model)
        let other = try Trainer(options: options(6, 1), training: Self.data)
        for _ in 0 ..< 25 { _ = other.step() }
        #expect(other.model != one.model)
    }

    @Test func defaultOptionsWithAugmentationAlsoLearnAndStayDeterministic() throws {
        var options = TrainingOptions()
        options.hidden = [32, 32]
        options.batch = 128
        options.samples = 64
        options.density = 2e-3
        options.schedule = .fixed
        #expect(!options.augmentation.isNone && options.temperature > 1)
        let one = try Trainer(options: options, training: Self.data)
        options.threads = 2
        let two = try Trainer(options: options, training: Self.data)
        var first = 0.0, last = 0.0
        for index in 0 ..< 150 {
            let loss = one.step().snapshot.loss
            _ = two.step()
            if index < 10 { first += loss } else if index >= 140 { last += loss }
        }
        #expect(last < 0.8 * first, "loss \(first / 10) → \(last / 10)")
        #expect(one.model == two.model)
    }

    /// The default probes 512 perturbations a step; the paper's setup keeps its 128.
    @Test func defaultSamplesAndThePapers() {
        #expect(TrainingOptions().samples == 512)
        #expect(TrainingOptions.paper.samples == 128)
        #expect(TrainingOptions.paper.density == 6e-5 && TrainingOptions.paper.schedule == .paper)
    }

    @Test func paperScheduleLowersDensityByLoss() {
        #expect(DensitySchedule.paper.density(after: 6e-5, loss: 2.5) == 6e-5)
        #expect(DensitySchedule.paper.density(after: 6e-5, loss: 1.5) == 1.5e-5)
        #expect(DensitySchedule.paper.density(after: 1.5e-5, loss: 0.9) == 3.7e-6)
        #expect(DensitySchedule.paper.density(after: 3.7e-6, loss: 2.5) == 3.7e-6)
        #expect(DensitySchedule.fixed.density(after: 6e-5, loss: 0.1) == 6e-5)
    }

    @Test func rejectsBadOptions() {
        var bad = TrainingOptions()
        bad.density = 1
        #expect(throws: LimitViolation.outOfRange(.density, value: 1, allowed: Limits.density)) { try Limits.check(bad) }
        bad = TrainingOptions()
        bad.rejectQuantile = 1
        #expect(throws: LimitViolation.outOfRange(.rejectQuantile, value: 1, allowed: Limits.rejectQuantile)) {
            try Limits.check(bad)
        }
        bad = TrainingOptions()
        bad.hidden = []
        #expect(throws: LimitViolation.outOfRange(.hiddenLayers, value: 0, allowed: Limits.hiddenLayers)) {
            try Limits.check(bad)
        }
    }

    @Test func initialWeightsAreUniformTernary() {
        let model = TernaryModel(shape: ModelShape(hidden: [256, 256]), seed: 0)
        let values = model.flatParameters
        for value: Int8 in [-1, 0, 1] {
            let share = Double(values.filter { $0 == value }.count) / Double(values.count)
            #expect(abs(share - 1.0 / 3) < 0.005)
        }
    }
}
