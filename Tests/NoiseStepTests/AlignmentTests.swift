import Foundation
import Testing
@testable import NoiseStep
import NoiseStepKernels

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
        let scale = a.alignments.map(abs).max()!
        #expect(scale > 0)
        for (x, y) in zip(a.alignments, b.alignments) {
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
        let scale = measured.alignments.map(abs).max()!
        for (nu, alpha) in zip(nus, measured.alignments) {
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
            #expect(a.alignments == b.alignments)
            #expect(a.loss == b.loss)
        }
    }

    /// A layer that cannot take a sparse tangent its own way (a kind without the K + 2
    /// updates) gets it densified, through the activation and its weights: the same
    /// tangent as a dense layer's K + 2 row updates, to rounding.
    @Test func theDensifiedTangentEqualsTheLowRankOne() throws {
        let model = TernaryModel(shape: ModelShape(hidden: [20, 12]), seed: 5)
        let runner = BatchRunner(shape: model.shape, threads: 1)
        runner.refresh(from: model)
        let workspace = ChunkWorkspace(stages: runner.stages, shape: model.shape)
        workspace.load(Array(0 ..< 64)[...], from: Self.grayData, encoding: .gray)
        workspace.forward()
        let chunk = 64, next = 12
        let entries = [Kernels.Entry(row: 3, column: 200, sample: 0, sign: 1), Kernels.Entry(row: 7, column: -1, sample: 0, sign: -1),
                       Kernels.Entry(row: 3, column: 400, sample: 0, sign: -1)]
        let rows = workspace.workers[0].sparseTangent(entries[...], input: workspace.input(of: 0),
                                                      into: workspace.sparseRows.pointer)
        #expect(rows == [3, 7])
        workspace.densifiedNextTangent(after: 0, rows: rows)
        let densified = Array(UnsafeBufferPointer(start: workspace.tangent.pointer, count: next * chunk))
        workspace.nextTangent(after: 0, rows: rows)
        let lowRank = Array(UnsafeBufferPointer(start: workspace.tangent.pointer, count: next * chunk))
        let scale = lowRank.map(abs).max() ?? 0
        #expect(scale > 0)
        for (index, value) in lowRank.enumerated() {
            #expect(abs(value - densified[index]) <= 1e-4 * scale, "\(index)")
        }
    }
}
