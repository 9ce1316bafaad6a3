@testable import Dashboard
import Testing

@Suite struct PadPanelTests {
    @Test func strokeWithSoftEdgesAndTheCursor() {
        var ui = DashboardUIState()
        ui.focus = .pad
        ui.pad.stroke(from: PadPoint(x: 10.5, y: 5.5), to: PadPoint(x: 14.5, y: 20.5))
        ui.cursor = PadCursor(column: 3, row: 2)
        let text = Fixtures.render(width: 58, height: 30) { canvas, rect in
            PadPanel.draw(PadPanel.collect(ui), in: &canvas, rect: rect, focused: true)
        }
        #expect(text == """
        ┌▸ pad ──────────────────────────────────────────────────┐
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
        """)
    }

    @Test func shadesByIntensity() {
        #expect(PadPanel.shade(0) == " ")
        #expect(PadPanel.shade(0.1) == " ")
        #expect(PadPanel.shade(0.3) == "░")
        #expect(PadPanel.shade(0.5) == "▒")
        #expect(PadPanel.shade(0.7) == "▓")
        #expect(PadPanel.shade(1) == "█")
    }

    @Test func validationImageIsNamedInTheTitle() {
        var ui = DashboardUIState()
        ui.showValidationImage([UInt8](repeating: 0, count: 784), index: 1234, label: 3)
        var canvas = Canvas(width: 58, height: 30)
        PadPanel.draw(PadPanel.collect(ui), in: &canvas, rect: canvas.bounds, focused: false)
        #expect(canvas.text(in: Rect(column: 0, row: 0, width: 58, height: 1))
            == "┌ pad  validation image 1,234 ───────────────────────────┐")
    }
}
