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
    var padUI = DashboardUIState()
    padUI.focus = .pad
    padUI.pad.stroke(from: PadPoint(x: 10.5, y: 5.5), to: PadPoint(x: 14.5, y: 20.5))
    padUI.cursor = PadCursor(column: 3, row: 2)
    out += "PAD\n" + Fixtures.render(width: 58, height: 30) { PadPanel.draw(PadPanel.collect(padUI), in: &$0, rect: $1, focused: true) } + "\n"
    var predUI = DashboardUIState()
    predUI.prediction = PadPrediction(probabilities: [0.01, 0.02, 0.03, 0.6, 0.04, 0.1, 0.05, 0.05, 0.05, 0.05], step: 42)
    out += "PRED\n" + Fixtures.render(width: 58, height: 7) { PredictionPanel.draw(PredictionPanel.collect(predUI), in: &$0, rect: $1) } + "\n"
    predUI.padSource = .validation(index: 17, label: 5)
    out += "PREDVAL\n" + Fixtures.render(width: 58, height: 7) { PredictionPanel.draw(PredictionPanel.collect(predUI), in: &$0, rect: $1) } + "\n"
    out += "STATUS\n" + Fixtures.render(width: 100, height: 3) { c, r in StatusPanel.draw(StatusPanel.collect(Fixtures.state(steps: 40, paused: true, message: "saved model to m.nstep"), ui: padUI, configuration: Fixtures.configuration), in: &c, status: r.top(2), message: r.droppingTop(2)) } + "\n"
    out += "HELP\n" + Fixtures.render(width: 100, height: 40) { c, _ in HelpOverlay.draw(savePath: "m.nstep", in: &c) } + "\n"
    out += "SMALL\n" + ScreenRenderer.render(state, ui: DashboardUIState(), configuration: Fixtures.configuration, width: 80, height: 24).text() + "\n"
    out += "FULL\n" + ScreenRenderer.render(state, ui: DashboardUIState(), configuration: Fixtures.configuration, width: 120, height: 40).text() + "\n"
    try out.write(toFile: "/tmp/scratch.txt", atomically: true, encoding: .utf8)
}
