import Testing
@testable import NoiseStep

/// What `noisestep bench` divides by: the operations each probed kernel executes.
@Suite struct KernelProbeTests {
    @Test func operationsCountTheInkAndTheDenseProducts() {
        let data = Fixtures.bands(count: 150)
        let shape = ModelShape(widths: [784, 24, 16, 10])
        let batch = Array(0 ..< 150)  // three chunks, the last partial
        let probe = KernelProbe(model: TernaryModel(shape: shape, seed: 2), data: data, encoding: .binary, batch: batch,
                                threads: 2)
        let inked = batch.reduce(0) { total, index in total + data.image(index).filter { $0 != 0 }.count }
        #expect(probe.measure(.inputLayer, repetitions: 1).operations == Double(2 * inked * 24))
        // Dense products run over all 64 columns of each of the three chunks.
        #expect(probe.measure(.hiddenProduct, repetitions: 1).operations == Double(2 * 24 * 16 * 64 * 3))
        #expect(probe.measure(.backwardProduct, repetitions: 2).operations == Double(2 * 24 * 16 * 64 * 3))
        #expect(probe.forwardPassOperations() == Double(2 * inked * 24 + (2 * 24 * 16 + 2 * 16 * 10) * 64 * 3))
        #expect(probe.measure(.hiddenProduct, repetitions: 3).seconds >= 0)
    }
}
