import Foundation
import Testing
@testable import NoiseStep

@Suite struct AdamSTETrainerTests {
    static let data = Fixtures.bands(count: 300)

    func options(hidden: [Int] = [32, 32], batch: Int = 128, seed: UInt64 = 5, threads: Int = 1) -> TrainingOptions {
        var options = TrainingOptions.paper
        options.hidden = hidden
        options.batch = batch
        options.seed = seed
        options.threads = threads
        return options
    }

    @Test func trainingLowersTheLoss() throws {
        // A latent weight must travel 0.5 to flip, so a large rate makes a short test.
        let trainer = try AdamSTETrainer(options: options(), training: Self.data, learningRate: 0.05)
        var losses: [Double] = []
        for _ in 0 ..< 60 { losses.append(trainer.step().loss) }
        let early = losses.prefix(5).reduce(0, +) / 5, late = losses.suffix(5).reduce(0, +) / 5
        #expect(late < 0.5 * early, "loss \(early) → \(late)")
        #expect(trainer.accuracy(on: Self.data) > 0.8)
    }

    @Test func sameSeedGivesIdenticalWeightsWhateverTheThreadCount() throws {
        // batch 200: four chunks, the last one padded.
        let trainers = try [1, 2, 3].map { try AdamSTETrainer(options: options(batch: 200, threads: $0), training: Self.data) }
        for _ in 0 ..< 15 {
            let losses = trainers.map { $0.step().loss }
            #expect(losses[0] == losses[1] && losses[1] == losses[2])
        }
        #expect(trainers[0].model == trainers[1].model && trainers[1].model == trainers[2].model)
        let latent = trainers.map { Array(UnsafeBufferPointer(start: $0.adam.latent.pointer, count: $0.adam.parameterCount)) }
        #expect(latent[0] == latent[1] && latent[1] == latent[2])
    }

    @Test func startsWhereNoiseStepStartsAndSeesTheSameFirstBatch() throws {
        let adam = try AdamSTETrainer(options: options(), training: Self.data)
        let noise = try Trainer(options: options(), training: Self.data)
        #expect(adam.model == noise.model)
        #expect(adam.batchIndices(step: 3) == noise.batchIndices(step: 3))
        let measured = noise.measure(step: 1, perturbations: [])
        let snapshot = adam.step()
        #expect(snapshot.loss == measured.loss && snapshot.batchAccuracy == measured.accuracy)
        #expect(snapshot.samples == 0 && snapshot.kept == 0)
    }

    /// The summed batch gradient against central differences of a Float64 reference
    /// network, for weights and biases of every layer.
    @Test func gradientMatchesFiniteDifferences() throws {
        let trainer = try AdamSTETrainer(options: options(hidden: [12, 8], batch: 100, seed: 9), training: Self.data)
        _ = trainer.backward(step: 1)
        let shape = trainer.model.shape, indices = trainer.batchIndices(step: 1)
        let base = trainer.model.flatParameters.map(Double.init)
        let stages = BatchRunner(shape: shape, threads: 1).stages
        for place in shape.places {
            let block = try #require(place.parameters), inputs = block.columns, outputs = block.rows
            var weights = [Float](repeating: 0, count: inputs), bias: Float = 0
            for row in [0, outputs - 1] {
                trainer.activations.gradient(stages[place.index], rows: row ..< row + 1, weights: &weights, biases: &bias)
                for column in [0, 200 % inputs, 300 % inputs, inputs - 1] {
                    let position = place.parameterOffset + row * inputs + column
                    check(Double(weights[column]) / 100, at: position, base, shape, indices)
                }
                check(Double(bias) / 100, at: place.parameterOffset + block.weightCount + row, base, shape, indices)
            }
        }
    }

    private func check(_ gradient: Double, at position: Int, _ base: [Double], _ shape: ModelShape, _ indices: [Int]) {
        let h = 1e-4
        var plus = base, minus = base
        plus[position] += h
        minus[position] -= h
        let numeric = (Fixtures.referenceLoss(plus, shape: shape, data: Self.data, indices: indices, encoding: .binary)
            - Fixtures.referenceLoss(minus, shape: shape, data: Self.data, indices: indices, encoding: .binary)) / (2 * h)
        #expect(abs(gradient - numeric) <= 1e-3 + 1e-2 * abs(numeric), "parameter \(position): \(gradient) vs \(numeric)")
    }

    @Test func latentWeightsRoundLikeTorch() {
        #expect(AdamState.ternary(0.5) == 0 && AdamState.ternary(-0.5) == 0)
        #expect(AdamState.ternary(0.51) == 1 && AdamState.ternary(-0.51) == -1)
        #expect(AdamState.ternary(1.5) == 1 && AdamState.ternary(-1.5) == -1 && AdamState.ternary(0.2) == 0)
    }

    @Test func firstUpdateMovesEachLatentWeightByAboutTheLearningRate() throws {
        // Adam's first step is lr·g/(|g| + ε'): a weight moves by lr unless its gradient
        // is tiny, and by no more.
        let trainer = try AdamSTETrainer(options: options(hidden: [8], batch: 64), training: Self.data, learningRate: 0.01)
        let before = trainer.model.flatParameters
        _ = trainer.step()
        let latent = trainer.adam.latent.pointer
        var moved = 0, movedByRate = 0
        for (index, value) in before.enumerated() where latent[index] != Float(value) {
            let distance = abs(latent[index] - Float(value))
            #expect(distance <= 0.01 + 1e-6)
            moved += 1
            if distance > 0.0099 { movedByRate += 1 }
        }
        #expect(moved > before.count / 10 && movedByRate > moved * 9 / 10)
    }

    @Test func keepsTwelveBytesPerParameterOfState() throws {
        let trainer = try AdamSTETrainer(options: options(), training: Self.data)
        let footprint = trainer.footprint
        #expect(footprint.stateBytes == 12 * footprint.parameters + trainer.model.packedBytes + 8)
        #expect(trainer.stateBytesPerParameter > 12 && trainer.stateBytesPerParameter < 12.5)
        #expect(footprint.scratchBytes > 0)
    }

    @Test func rejectsABadLearningRate() {
        let zero = LimitViolation.outOfRange(.learningRate, value: 0, allowed: Limits.learningRate)
        #expect(throws: zero) { try AdamSTETrainer(options: options(), training: Self.data, learningRate: 0) }
        #expect(throws: LimitViolation.self) { try AdamSTETrainer(options: options(), training: Self.data, learningRate: .nan) }
    }
}
