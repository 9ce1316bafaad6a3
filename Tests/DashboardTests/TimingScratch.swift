@testable import Dashboard
import Foundation
import Testing

@Test func timingScratch() {
    let state = Fixtures.state(steps: 200_000)
    let clock = ContinuousClock()
    let t = clock.measure {
        for _ in 0 ..< 5 {
            _ = ScreenRenderer.render(state, ui: DashboardUIState(), configuration: Fixtures.configuration, width: 120, height: 40)
        }
    }
    print("TIMING 5 frames at 200k steps:", t)
}
