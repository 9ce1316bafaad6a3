import Testing
@testable import NoiseStep

/// The library side of `noisestep bench`: the timed forward pass, FLOP counts, memory
/// footprints and the median.
@Suite struct BenchMeasurementTests {
    static let data = Fixtures.bands(count: 200)

    @Test func medianOfOddEvenAndEmpty() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([]) == nil)
    }

    @Test func denseOperationsOfTheDefaultShape() {
        #expect(ForwardPass.denseOperationsPerExample(ModelShape(hidden: [256, 256])) == 537_600)
        #expect(ForwardPass.denseOperationsPerExample(ModelShape(widths: [3, 2])) == 12)
    }

    @Test func forwardPassAgreesWithTheTrainerAndEvaluation() throws {
        var options = TrainingOptions.paper
        options.hidden = [24, 16]
        options.batch = 150
        options.seed = 4
        let trainer = try Trainer(options: options, training: Self.data)
        let measured = trainer.measure(step: 1, perturbations: [])
        for threads in [1, 2] {
            let pass = ForwardPass(model: trainer.model, data: Self.data, threads: threads)
            let result = pass.run(trainer.batchIndices(step: 1))
            #expect(result.loss == measured.loss && result.accuracy == measured.accuracy)
            #expect(pass.run(Array(0 ..< Self.data.count)).accuracy == trainer.accuracy(on: Self.data))
        }
    }

    @Test func noiseStepStateIsThePackedModelAndAFewCounters() {
        let shape = ModelShape(hidden: [256, 256])
        let footprint = TrainingFootprint.noiseStep(shape: shape, threads: 2)
        // Five trits per byte, rounded up per matrix: ⌈200704/5⌉ + ⌈256/5⌉ + ⌈65536/5⌉
        // + ⌈256/5⌉ + ⌈2560/5⌉ + ⌈10/5⌉.
        let bytes = 40_141 + 52 + 13_108 + 52 + 512 + 2
        #expect(TernaryModel(shape: shape).packedBytes == bytes)
        #expect(footprint.stateBytes == bytes + 35)
        #expect(footprint.parameters == 269_322)
        #expect(footprint.stateBytesPerParameter > 0.2 && footprint.stateBytesPerParameter < 0.201)
    }

    @Test func scratchCountsEveryWorkspaceBuffer() {
        let shape = ModelShape(hidden: [256, 256])
        let one = TrainingFootprint.noiseStep(shape: shape, threads: 1, batch: 1024).scratchBytes
        let two = TrainingFootprint.noiseStep(shape: shape, threads: 2, batch: 1024).scratchBytes
        // Float matrices of layers 1, 2, both plain and transposed, and the biases; the input
        // layer's 16-bit weights; the table of the five Floats of each packed byte; the copy
        // of the packed bytes last expanded.
        let expanded = 4 * (2 * (256 * 256 + 10 * 256) + 522) + 2 * 784 * 256 + 4 * 256 * 5
            + TernaryModel(shape: shape).packedBytes
        let workspace = two - one
        #expect(one == expanded + workspace)
        // At least the inputs (twice) and their ink lists, z, normalized, rectified and deltas of one chunk.
        #expect(workspace > 4 * 64 * (3 * 784 + 522 + 2 * 512 + 522))
        // One workspace per chunk at most: 256 threads on a 1024 batch use 16.
        let many = TrainingFootprint.noiseStep(shape: shape, threads: 256, batch: 1024).scratchBytes
        #expect(many == expanded + 16 * workspace)
    }
}
