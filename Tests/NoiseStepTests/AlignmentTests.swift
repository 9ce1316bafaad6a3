import Foundation
import Testing
@testable import NoiseStep

@Suite struct AlignmentTests {
    static let data = Fixtures.bands(count: 200)
    static let grayData = Fixtures.bands(count: 200, gray: true)

    func trainer(_ alignment: AlignmentEngine, hidden: [Int] = [24, 16], batch: Int = 150,
                 encoding: InputEncoding = .binary, threads: Int = 1, data: Dataset = data,
                 temperature: Double = 1) throws -> Trainer {
        var options = TrainingOptions.paper
        options.temperature = temperature
        options.hidden = hidden
        options.batch = batch
        options.alignment = alignment
        options.input = encoding
        options.seed = 11
        options.threads = threads
        return try Trainer(options: options, training: data)
    }

    /// Dense-ish perturbations so that every layer, weight and bias, is probed.
    func perturbations(count: Int, parameterCount: Int) -> [Perturbation] {
        (0 ..< count).map { Perturbation(seed: 3, step: 1, index: $0, density: 0.002, parameterCount: parameterCount) }
    }

    @Test(arguments: [InputEncoding.binary, .gray], [[24, 16], [20], [12, 10, 8]])
    func forwardAndReverseAgree(encoding: InputEncoding, hidden: [Int]) throws {
        let reverse = try trainer(.reverse, hidden: hidden, encoding: encoding)
        let forward = try trainer(.forward, hidden: hidden, encoding: encoding)
        let nus = perturbations(count: 40, parameterCount: reverse.model.shape.parameterCount)
        let a = reverse.measure(step: 1, perturbations: nus)
        let b = forward.measure(step: 1, perturbations: nus)
        #expect(a.loss == b.loss)
        let scale = a.estimate.means.map(abs).max()!
        #expect(scale > 0)
        for (x, y) in zip(a.estimate.means, b.estimate.means) {
            #expect(abs(x - y) <= 1e-4 * scale, "reverse \(x) vs forward \(y)")
        }
    }

    /// Binary inputs and ternary weights make pre-activations integers, so a normalized
    /// value can sit exactly on the ReLU kink, where the central difference averages two
    /// slopes and the engines (like PyTorch) take the right-hand one: 0. Grey inputs keep
    /// the check away from kinks.
    @Test(arguments: [AlignmentEngine.reverse, .forward], [1.0, 8.0])
    func matchesCentralFiniteDifference(alignment: AlignmentEngine, temperature: Double) throws {
        let trainer = try trainer(alignment, hidden: [16, 12], batch: 40, encoding: .gray, data: Self.grayData,
                                  temperature: temperature)
        let shape = trainer.model.shape
        let nus = perturbations(count: 12, parameterCount: shape.parameterCount)
        let measured = trainer.measure(step: 1, perturbations: nus)
        let theta = trainer.model.flatParameters.map(Double.init)
        let indices = trainer.batchIndices(step: 1)
        let epsilon = 1e-4
        let scale = measured.estimate.means.map(abs).max()!
        for (nu, alpha) in zip(nus, measured.estimate.means) {
            var plus = theta, minus = theta
            for (position, sign) in zip(nu.positions, nu.signs) {
                plus[position] += epsilon * Double(sign)
                minus[position] -= epsilon * Double(sign)
            }
            let lossPlus = Fixtures.referenceLoss(plus, shape: shape, data: Self.grayData, indices: indices, encoding: .gray,
                                                     temperature: temperature)
            let lossMinus = Fixtures.referenceLoss(minus, shape: shape, data: Self.grayData, indices: indices, encoding: .gray,
                                                     temperature: temperature)
            let difference = (lossPlus - lossMinus) / (2 * epsilon)
            #expect(abs(difference - alpha) <= 1e-4 * scale, "finite difference \(difference) vs \(alpha)")
        }
        let reference = Fixtures.referenceLoss(theta, shape: shape, data: Self.grayData, indices: indices, encoding: .gray,
                                                     temperature: temperature)
        #expect(abs(reference - measured.loss) <= 1e-5 * reference)
    }

    @Test func resultsDoNotDependOnThreadCount() throws {
        for alignment in AlignmentEngine.allCases {
            let one = try trainer(alignment, batch: 300, threads: 1)
            let three = try trainer(alignment, batch: 300, threads: 3)
            let nus = perturbations(count: 20, parameterCount: one.model.shape.parameterCount)
            let a = one.measure(step: 2, perturbations: nus), b = three.measure(step: 2, perturbations: nus)
            #expect(a.estimate.means == b.estimate.means)
            #expect(a.loss == b.loss)
        }
    }
}
