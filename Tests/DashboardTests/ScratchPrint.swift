@testable import Dashboard
import Foundation
import NoiseStep
import Testing

@Test func scratchPrint() throws {
    var out = ""
    let state = Fixtures.state(steps: 40)
    var ui = DashboardUIState()
    out += "LOSS\n" + Fixtures.render(width: 50, height: 9) { LossPanel.draw(LossPanel.collect(state, ui: ui, width: $1.width), in: &$0, rect: $1, focused: false) } + "\n"
    ui.logScale = true; ui.smoothing = true
    out += "LOSSLOG\n" + Fixtures.render(width: 50, height: 9) { LossPanel.draw(LossPanel.collect(state, ui: ui, width: $1.width), in: &$0, rect: $1, focused: true) } + "\n"
    out += "ACC\n" + Fixtures.render(width: 50, height: 9) { AccuracyPanel.draw(AccuracyPanel.collect(state, ui: DashboardUIState(), width: $1.width), in: &$0, rect: $1, focused: false) } + "\n"
    out += "SPARS\n" + Fixtures.render(width: 50, height: 6) { SparsityPanel.draw(SparsityPanel.collect(state), in: &$0, rect: $1, focused: false) } + "\n"
    out += "ACCEPT\n" + Fixtures.render(width: 50, height: 4) { AcceptancePanel.draw(AcceptancePanel.collect(state), in: &$0, rect: $1, focused: false) } + "\n"
    out += "FULL\n" + ScreenRenderer.render(state, ui: DashboardUIState(), configuration: Fixtures.configuration, width: 120, height: 40).text() + "\n"
    out += "EMPTY\n" + ScreenRenderer.render(Fixtures.state(), ui: DashboardUIState(), configuration: Fixtures.configuration, width: 100, height: 40).text() + "\n"
    try out.write(toFile: "/tmp/scratch.txt", atomically: true, encoding: .utf8)
}
