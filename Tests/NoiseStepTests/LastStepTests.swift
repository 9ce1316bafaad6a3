import Testing
@testable import NoiseStep

/// Issue 17, cause 8: step numbers are 32-bit, so the rulebook refuses a step past
/// 4,294,967,295 before anything is trained, whoever asks for it (`n` in the dashboard,
/// a driver's `step()`), in words and without a trap.
@Suite struct LastStepTests {
    static let last = Int(UInt32.max)

    static func driver(at step: Int) throws -> RunDriver<Trainer> {
        let options = StepLogFixtures.options()
        let shape = try Limits.check(options)
        let trainer = Trainer(options: options, training: RunDriverTests.data, model: TernaryModel(shape: shape, seed: 0),
                              stepsDone: step, settings: StepSettings(options), sharing: .single)
        return RunDriver(trainer: trainer, validation: RunDriverTests.data,
                         plan: try RunPlan(targetStep: step, evalEvery: 0))
    }

    @Test func theDriverRefusesAStepPastTheLast() throws {
        let driver = try Self.driver(at: Self.last)
        #expect(throws: RunError.refused(.outOfRange(.steps, value: Double(Self.last + 1), allowed: Limits.steps))) {
            try driver.step()
        }
        #expect(driver.stepsDone == Self.last && driver.stepsRun == 0)
        let before = try Self.driver(at: Self.last - 1)
        #expect(try before.step().step == Self.last, "the last step itself is trained")
    }

    @Test func oneStepAtTheLastStepIsRefusedAndSaidSo() throws {
        let session = TrainingSession(driver: try Self.driver(at: Self.last), leg: 5)
        session.start()
        session.send(.stepOnce)
        let state = TrainingSessionTests.wait(session) { $0.eventNumber >= 2 }
        #expect(state.stepsDone == Self.last && state.isPaused)
        #expect(state.event == .refused(.outOfRange(.steps, value: Double(Self.last + 1), allowed: Limits.steps)))
        session.stop()
        session.drain()
    }
}
