import Testing
@testable import NoiseStep

@Suite struct TrainingSessionConfusionTests {
    /// Each validation also scores the split by class, published with the session's state.
    @Test func validatedStepsPublishTheSplitByClass() throws {
        let validation = Fixtures.bands(count: 40, seed: 5)
        let trainer = try Trainer(options: StepLogFixtures.options(), training: StepLogFixtures.data)
        let driver = RunDriver(trainer: trainer, validation: validation, plan: try RunPlan(targetStep: 5, evalEvery: 2))
        let session = TrainingSession(driver: driver, leg: 5)
        #expect(session.state.confusion == nil)
        session.start()
        while session.state.stepsDone < 5 || !session.state.isPaused { session.drain() }
        let state = session.state
        let matrix = try #require(state.confusion)
        #expect(state.confusionStep == 5, "the target step is validated")
        #expect(matrix.total == validation.count)
        #expect(matrix.accuracy == state.history.last?.validationAccuracy)
        session.stop()
        session.drain()
    }
}
