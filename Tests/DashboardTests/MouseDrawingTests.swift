@testable import Dashboard
import Testing

@Suite struct MouseDrawingTests {
    @Test func pressDragReleaseDrawsAJoinedLineAndFocusesThePad() throws {
        var ui = DashboardUIState()
        // Pad pixels start at screen column 63, row 3 on a 120 × 40 screen.
        let events: [InputEvent] = [
            .mouse(MouseEvent(.press, column: 63 + 4, row: 3 + 5)),
            .mouse(MouseEvent(.drag, column: 63 + 40, row: 3 + 5)),
            .mouse(MouseEvent(.release, column: 63 + 40, row: 3 + 20)),
        ]
        _ = InputReducerTests.run(events, ui: &ui)
        #expect(ui.focus == .pad)
        #expect(ui.strokeEnd == nil)
        for column in 2 ... 20 { #expect(ui.pad[column, 5] == 1, "column \(column)") }
        for row in 5 ... 20 { #expect(ui.pad[20, row] == 1, "row \(row)") }
    }

    @Test func dragWithoutAPressOnThePadDrawsNothing() {
        var ui = DashboardUIState()
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: 10, row: 10)),
                                   .mouse(MouseEvent(.drag, column: 80, row: 10))], ui: &ui)
        #expect(ui.pad.isEmpty)
        #expect(ui.focus == .training)
    }

    @Test func clickOnATrainingPanelMovesFocusBack() {
        var ui = DashboardUIState()
        ui.focus = .pad
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: 5, row: 5))], ui: &ui)
        #expect(ui.focus == .training)
    }
}
