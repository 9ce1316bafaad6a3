import Testing
@testable import NoiseStep
import NoiseStepKernels

@Suite struct PredictionTests {
    /// The single-image path (the pad) and the batched kernels compute the same network.
    @Test(arguments: [InputEncoding.binary, .gray])
    func singleImageLogitsMatchTheBatchedForwardPass(encoding: InputEncoding) throws {
        let data = Fixtures.bands(count: 64, gray: encoding == .gray)
        let model = TernaryModel(shape: ModelShape(hidden: [24, 16]), seed: 4)
        let runner = BatchRunner(shape: model.shape, threads: 1)
        runner.refresh(from: model)
        let workspace = ChunkWorkspace(stages: runner.stages, shape: model.shape)
        workspace.load(Array(0 ..< 64)[...], from: data, encoding: encoding)
        workspace.forward()
        let batched = workspace.logits
        for index in 0 ..< 64 {
            let single = model.logits(input: data.image(index).map { encoding.encode($0) })
            for (c, value) in single.enumerated() {
                #expect(abs(value - batched[c * Kernels.chunk + index]) <= 1e-4 * max(1, abs(value)))
            }
        }
    }

    @Test func probabilitiesAreASoftmax() {
        let model = TernaryModel(shape: ModelShape(hidden: [8]), seed: 1)
        let probabilities = model.classProbabilities(pixels: Fixtures.bands(count: 1).image(0), encoding: .gray,
                                                     temperature: 8)
        #expect(probabilities.count == 10)
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
        #expect(probabilities.allSatisfy { $0 >= 0 })
    }
}
