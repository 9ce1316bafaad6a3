import Testing
@testable import NoiseStep

@Suite struct StepLogSummaryTests {
    static func corpusLog(_ name: String) throws -> StepLog {
        let bytes = try #require(StepLogCorpusTests.corpus().first { $0.name == name }?.bytes)
        return try StepLog.decode(bytes, file: name)
    }

    @Test func rendersALogWithWeights() throws {
        let log = try Self.corpusLog("log-settings-weights.nstep")
        let summary = StepLogSummary(log: log, model: log.latestModel, verified: true)
        #expect(summary.rendered() == """
            log-settings-weights.nstep: 6 steps, 1745 bytes
              model      784→4→10, 3190 parameters, seed 5, input binary, philox4x32-10
              records    6, 233.3 bits (29.2 bytes) per step
              file size  2.76× the ternary weights (633 bytes at log2(3) bits each), 2.19× at 2 bits (798), 0.137× as Float32 (12760)
              sparsity   35.4% of the weights after step 6 are 0
              last step  loss 2.4102, batch accuracy 20.0%
              weights    saved at step 3, 6
              verified   replayed 6 steps from the seed; the saved weights match them
            """)
    }

    /// A model file of the corpus, written before model files recorded their run's
    /// settings: training from it would be a new leg, and the summary says so.
    @Test func rendersAModelFile() throws {
        let log = try Self.corpusLog("model-step-6.nstep")
        #expect(StepLogSummary(log: log, model: log.latestModel).rendered() == """
            model-step-6.nstep: 6 steps, 910 bytes
              model      784→4→10, 3190 parameters, seed 5, input binary, philox4x32-10
              records    none
              new leg    the weights of step 6 come without the settings their run had reached, so the steps after them would be a new leg from the header's settings, not the run its options describe
              file size  1.44× the ternary weights (633 bytes at log2(3) bits each), 1.14× at 2 bits (798), 0.071× as Float32 (12760)
              sparsity   35.4% of the weights after step 6 are 0
              weights    saved at step 6
            """)
    }

    @Test func jsonHasEveryField() throws {
        let log = try Self.corpusLog("log-torn-tail.nstep")
        let json = try JSONOutput.line(StepLogSummary(log: log, model: log.latestModel))
        for key in ["architecture", "bits_per_step", "file_bytes", "float32_bytes", "last_batch_accuracy", "last_loss",
                    "new_leg", "parameters", "records", "sparsity", "steps", "ternary_bytes", "torn_bytes", "two_bit_bytes",
                    "weights_steps"] {
            #expect(json.contains("\"\(key)\":"), "\(key)")
        }
        #expect(json.contains("\"torn_bytes\":11"))
        #expect(json.contains("\"bits_per_step\":216"))
    }
}
