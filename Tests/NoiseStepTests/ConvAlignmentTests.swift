import Foundation
import Testing
@testable import NoiseStep

/// Exact alignment through convolutions and pooling: the reverse readout equals forward
/// mode's JVP, both equal a central difference of a Float64 copy of the model, and
/// neither depends on the thread count, for stacks of every kind and order.
@Suite struct ConvAlignmentTests {
    static let grayData = Fixtures.bands(count: 120, gray: true)
    /// Every pixel inked with a random grey level: the bands' blank background makes a
    /// convolution's values tie all over its pooling windows, exactly in the first layer
    /// (which `ReferenceNetwork.Route` follows) but after it also within rounding, where
    /// which entry is the larger depends on the order of a Float sum and a Float64 copy
    /// cannot tell the kernels' choice.
    static let speckled: Dataset = {
        var random = RandomStream(seed: 8, purpose: .evaluation)
        let pixels = (0 ..< 60 * 784).map { _ in UInt8(1 + random.next(below: 255)) }
        return Dataset(pixels: pixels, labels: (0 ..< 60).map { UInt8($0 % 10) })
    }()

    /// A convolution reading the image, pooling, a second convolution, pooling, a dense
    /// layer; a convolution without pooling; two convolutions in a row; pooling the image.
    static let stacks = [
        "conv 3 5, pool 2, conv 4 3, pool 2, dense 10",
        "conv 4 3, dense 12, dense 10",
        "conv 3 3, conv 2 3, pool 3, dense 10",
        "pool 2, conv 3 3, dense 10",
    ]

    func trainer(_ alignment: AlignmentEngine, stack: String, batch: Int = 80, threads: Int = 1,
                 temperature: Double = 1, data: Dataset = grayData) throws -> Trainer {
        var options = TrainingOptions.paper
        options.use(layers: try LayerKinds.parse(stack))
        options.temperature = temperature
        options.batch = batch
        options.alignment = alignment
        options.input = .gray
        options.seed = 11
        options.threads = threads
        return try Trainer(options: options, training: data)
    }

    /// Perturbations dense enough that every layer's weights and biases are probed; the
    /// test checks that each layer with parameters was.
    func perturbations(count: Int, shape: ModelShape) -> [Perturbation] {
        let nus = (0 ..< count).map {
            Perturbation(seed: 5, step: 1, index: $0, density: 0.01, parameterCount: shape.parameterCount)
        }
        let touched = Set(nus.flatMap(\.positions).map { shape.locate($0).layer })
        let withParameters = Set(shape.places.filter { $0.parameters != nil }.map(\.index))
        #expect(touched == withParameters, "every layer with parameters is probed")
        return nus
    }

    @Test(arguments: stacks)
    func forwardAndReverseAgree(stack: String) throws {
        let reverse = try trainer(.reverse, stack: stack), forward = try trainer(.forward, stack: stack)
        let nus = perturbations(count: 30, shape: reverse.model.shape)
        let a = reverse.measure(step: 1, perturbations: nus), b = forward.measure(step: 1, perturbations: nus)
        #expect(a.loss == b.loss)
        let scale = a.estimate.means.map(abs).max()!
        #expect(scale > 0)
        for (x, y) in zip(a.estimate.means, b.estimate.means) {
            #expect(abs(x - y) <= 1e-4 * scale, "reverse \(x) vs forward \(y)")
        }
    }

    @Test(arguments: stacks, [AlignmentEngine.reverse, .forward])
    func matchesCentralFiniteDifference(stack: String, alignment: AlignmentEngine) throws {
        let trainer = try trainer(alignment, stack: stack, batch: 12, temperature: 8, data: Self.speckled)
        let shape = trainer.model.shape
        let nus = perturbations(count: 16, shape: shape)
        let measured = trainer.measure(step: 1, perturbations: nus)
        let theta = trainer.model.flatParameters.map(Double.init), indices = trainer.batchIndices(step: 1)
        let routes = ReferenceNetwork.Routes()
        func loss(_ parameters: [Double]) -> Double {
            Fixtures.referenceLoss(parameters, shape: shape, data: Self.speckled, indices: indices, encoding: .gray,
                                   temperature: 8, routes: routes)
        }
        let reference = loss(theta)
        #expect(abs(reference - measured.loss) <= 1e-5 * reference)
        #expect(routes.ambiguous == 0, "windows whose largest entries tie within rounding past the first layer")
        let epsilon = 1e-4, scale = measured.estimate.means.map(abs).max()!
        for (nu, alpha) in zip(nus, measured.estimate.means) {
            var plus = theta, minus = theta
            for (position, sign) in zip(nu.positions, nu.signs) {
                plus[position] += epsilon * Double(sign)
                minus[position] -= epsilon * Double(sign)
            }
            let difference = (loss(plus) - loss(minus)) / (2 * epsilon)
            #expect(abs(difference - alpha) <= 1e-4 * scale, "finite difference \(difference) vs \(alpha)")
        }
    }

    @Test(arguments: [AlignmentEngine.reverse, .forward])
    func resultsDoNotDependOnThreadCount(alignment: AlignmentEngine) throws {
        let one = try trainer(alignment, stack: Self.stacks[0], batch: 200, threads: 1)
        let three = try trainer(alignment, stack: Self.stacks[0], batch: 200, threads: 3)
        let nus = perturbations(count: 20, shape: one.model.shape)
        let a = one.measure(step: 2, perturbations: nus), b = three.measure(step: 2, perturbations: nus)
        #expect(a.estimate.means == b.estimate.means)
        #expect(a.loss == b.loss)
    }
}
