@testable import Dashboard
import NoiseStep
import Testing

/// The dashboard's words for what the rulebook refuses.
@Suite struct LimitTextTests {
    @Test func aStepPastTheLastIsRefusedInWords() {
        let past = LimitViolation.outOfRange(.steps, value: 4_294_967_296, allowed: Limits.steps)
        #expect(LimitText.keyRefused(past) == "no step past 4,294,967,295, the last a run may reach: refused")
        #expect(SessionEventText.message(.refused(past), describe: { "\($0)" }).allSatisfy { $0.count <= 78 })
        let quantile = LimitViolation.outOfRange(.rejectQuantile, value: 1, allowed: Limits.rejectQuantile)
        #expect(LimitText.keyRefused(quantile) == "reject quantile stays within [0, 1): unchanged")
    }
}
