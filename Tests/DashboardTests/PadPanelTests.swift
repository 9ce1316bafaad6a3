@testable import Dashboard
import NoiseStep
import Testing

@Suite struct PadPanelTests {
    private func render(_ ui: DashboardUIState, scale: PadScale, names: [String] = Fixtures.configuration.classNames) -> String {
        let cells = scale.cells
        return Fixtures.render(width: cells.columns + 2, height: cells.rows + 2) { canvas, rect in
            PadPanel.draw(PadPanel.collect(ui, scale: scale, classNames: names), in: &canvas, rect: rect,
                          focused: ui.focus == .pad)
        }
    }

    private func stroke() -> DashboardUIState {
        var ui = DashboardUIState()
        ui.focus = .pad
        ui.pad.stroke(from: PadPoint(x: 10.5, y: 5.5), to: PadPoint(x: 14.5, y: 20.5))
        ui.cursor = PadCursor(column: 3, row: 2)
        return ui
    }

    @Test func fullScaleStrokeWithSoftEdgesAndTheCursor() {
        #expect(render(stroke(), scale: .double) == #"""
            ┌▸ pad drawing ──────────────────────────────────────────┐
            │                                                        │
            │                                                        │
            │      []                                                │
            │                                                        │
            │                  ░░▒▒░░                                │
            │                  ▒▒██▓▓                                │
            │                  ▒▒████                                │
            │                    ████░░                              │
            │                    ▓▓██▒▒                              │
            │                    ▒▒██▓▓                              │
            │                    ░░████                              │
            │                      ████░░                            │
            │                      ▓▓██▒▒                            │
            │                      ▒▒██▓▓                            │
            │                      ░░████                            │
            │                        ████░░                          │
            │                        ▓▓██▒▒                          │
            │                        ▒▒██▓▓                          │
            │                        ░░████                          │
            │                          ████▒▒                        │
            │                          ▓▓██▒▒                        │
            │                          ░░▒▒░░                        │
            │                                                        │
            │                                                        │
            │                                                        │
            │                                                        │
            │                                                        │
            │                                                        │
            └────────────────────────────────────────────────────────┘
            """#)
    }

    @Test func halfScaleTwoPixelRowsPerCell() {
        #expect(render(stroke(), scale: .half) == #"""
            ┌▸ pad drawing ──────────────┐
            │                            │
            │   ▀                        │
            │         ▄█▄                │
            │         ░██░               │
            │          ██▄               │
            │          ░██░              │
            │           ███              │
            │           ░██░             │
            │            ▀██             │
            │            ░██░            │
            │             ▀█▀            │
            │                            │
            │                            │
            │                            │
            └────────────────────────────┘
            """#)
    }

    @Test func aValidationImageKeepsItsLabelAndAnEditIsMarked() {
        var ui = DashboardUIState()
        ui.showValidationImage([UInt8](repeating: 0, count: 784), index: 1234, label: 3)
        let title = { (text: String) in String(text.split(separator: "\n")[0]) }
        #expect(title(render(ui, scale: .half)) == "┌ pad validation #1,234: 3 ──┐")
        ui.padSource = .validation(index: 1234, label: 3, edited: true)
        #expect(title(render(ui, scale: .half)) == "┌ pad #1,234: 3 edited ──────┐")
        #expect(title(render(ui, scale: .half, names: ["T-shirt/top", "Trouser", "Pullover", "Dress"]))
            == "┌ pad #1,234: Dress edited ──┐")
    }

    @Test func shadesByIntensity() {
        #expect(PixelArt.shade(0) == " ")
        #expect(PixelArt.shade(0.1) == " ")
        #expect(PixelArt.shade(0.3) == "░")
        #expect(PixelArt.shade(0.5) == "▒")
        #expect(PixelArt.shade(0.7) == "▓")
        #expect(PixelArt.shade(1) == "█")
        #expect(PixelArt.halfCell(top: 1, bottom: 0) == "▀")
        #expect(PixelArt.halfCell(top: 0, bottom: 0.6) == "▄")
        #expect(PixelArt.halfCell(top: 0.3, bottom: 0.2) == "░")
    }
}
