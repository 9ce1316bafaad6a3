import Foundation
import Testing
@testable import NoiseStep

/// The session the dashboard drives: commands from any thread, steps on its queue.
@Suite struct TrainingSessionTests {
    static func session(target: Int, leg: Int = 3) throws -> TrainingSession {
        let driver = try RunDriverTests.driver(target: target, evalEvery: 0)
        return TrainingSession(driver: driver, leg: leg)
    }

    /// Waits (by draining the queue) until `condition` holds for the published state.
    static func wait(_ session: TrainingSession, until condition: (SessionState) -> Bool) -> SessionState {
        for _ in 0 ..< 10_000 {
            session.drain()
            let state = session.state
            if condition(state) { return state }
        }
        Issue.record("the session never reached the expected state")
        return session.state
    }

    @Test func trainsToTheTargetThenPausesAndSaysSo() throws {
        let session = try Self.session(target: 5)
        session.start()
        let state = Self.wait(session) { $0.isPaused && $0.stepsDone >= 5 }
        #expect(state.stepsDone == 5 && state.targetStep == 5)
        #expect(state.event == .reachedTarget(step: 5) && state.eventNumber == 1)
        #expect(state.history.map(\.step) == [1, 2, 3, 4, 5])
        #expect(state.recordingPath == nil)
    }

    @Test func stepOnceRunsExactlyOneStepAndResumeAddsALeg() throws {
        let session = try Self.session(target: 2, leg: 3)
        session.start()
        _ = Self.wait(session) { $0.isPaused && $0.stepsDone == 2 }
        session.send(.stepOnce)
        var state = Self.wait(session) { $0.stepsDone == 3 }
        #expect(state.isPaused && state.targetStep == 2)
        session.send(.resume)
        state = Self.wait(session) { $0.isPaused && $0.stepsDone >= 6 }
        #expect(state.stepsDone == 6 && state.targetStep == 6)
        session.send(.extendTarget(by: 2))
        session.send(.togglePause)
        state = Self.wait(session) { $0.isPaused && $0.stepsDone >= 8 }
        #expect(state.stepsDone == 8)
    }

    @Test func settingsApplyFromTheNextStepAndTheRulebookRefusesBadOnes() throws {
        let session = try Self.session(target: 1)
        session.start()
        var state = Self.wait(session) { $0.isPaused }
        var settings = state.settings
        let before = settings
        settings.rejectQuantile = 1
        session.send(.change(settings))
        state = Self.wait(session) { $0.eventNumber == 2 }
        #expect(state.event == .refused(.outOfRange(.rejectQuantile, value: 1, allowed: Limits.rejectQuantile)))
        #expect(state.settings == before, "unchanged")
        // Set by hand, as the dashboard's key does: off the default run's quantile ramp.
        (settings.rejectQuantile, settings.quantileSchedule) = (0.75, .fixed)
        session.send(.change(settings))
        session.send(.stepOnce)
        state = Self.wait(session) { $0.stepsDone == 2 }
        #expect(state.settings.rejectQuantile == 0.75 && state.snapshot?.rejectQuantile == 0.75)
    }

    @Test func saveWithoutRecordingSaysSo() throws {
        let session = try Self.session(target: 1)
        session.start()
        _ = Self.wait(session) { $0.isPaused }
        session.send(.save)
        #expect(Self.wait(session) { $0.eventNumber == 2 }.event == .notRecording)
        session.stop()
        session.drain()
        session.send(.resume)
        session.drain()
        #expect(session.state.stepsDone == 1, "a stopped session trains no more")
    }
}
