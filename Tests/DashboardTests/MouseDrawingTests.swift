@testable import Dashboard
import Testing

@Suite struct MouseDrawingTests {
    @Test func pressDragReleaseDrawsAJoinedLine() throws {
        var ui = DashboardUIState()
        ui.focus = .pad
        let layout = try #require(ScreenLayout(width: 200, height: 60, layerCount: 2))
        let pixels = try #require(layout.padPixels)
        // Full scale: two columns per pixel.
        let events: [InputEvent] = [
            .mouse(MouseEvent(.press, column: pixels.column + 4, row: pixels.row + 5)),
            .mouse(MouseEvent(.drag, column: pixels.column + 40, row: pixels.row + 5)),
            .mouse(MouseEvent(.release, column: pixels.column + 40, row: pixels.row + 20)),
        ]
        _ = InputReducerTests.run(events, ui: &ui, context: InputReducerTests.context(layout: layout))
        #expect(ui.focus == .pad)
        #expect(ui.strokeEnd == nil)
        for column in 2 ... 20 { #expect(ui.pad[column, 5] == 1, "column \(column)") }
        for row in 5 ... 20 { #expect(ui.pad[20, row] == 1, "row \(row)") }
    }

    /// The click that gives the pad focus paints nothing, and starts no stroke.
    @Test func theClickThatFocusesThePadDoesNotPaint() throws {
        var ui = DashboardUIState()
        let layout = try #require(InputReducerTests.layout)
        let pixels = try #require(layout.padPixels)
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: pixels.column + 14, row: pixels.row + 2)),
                                   .mouse(MouseEvent(.drag, column: pixels.column + 14, row: pixels.row + 8)),
                                   .mouse(MouseEvent(.release, column: pixels.column + 14, row: pixels.row + 8))],
                                  ui: &ui)
        #expect(ui.focus == .pad)
        #expect(ui.pad.isEmpty)
        #expect(ui.strokeEnd == nil)
    }

    @Test func atHalfScaleARowOfCellsIsTwoRowsOfPixels() throws {
        var ui = DashboardUIState()
        ui.focus = .pad
        let layout = try #require(InputReducerTests.layout)
        let pixels = try #require(layout.padPixels)
        let events: [InputEvent] = [
            .mouse(MouseEvent(.press, column: pixels.column + 14, row: pixels.row + 2)),
            .mouse(MouseEvent(.release, column: pixels.column + 14, row: pixels.row + 10)),
        ]
        _ = InputReducerTests.run(events, ui: &ui)
        for row in 5 ... 21 { #expect(ui.pad[14, row] == 1, "row \(row)") }
        #expect(ui.pad[14, 1] == 0 && ui.pad[14, 24] == 0)
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

    /// In the compact arrangement the pad is hidden behind the plots; a click on the
    /// prediction brings it out.
    @Test func clickOnThePredictionInTheCompactArrangementOpensThePad() throws {
        var ui = DashboardUIState()
        let compact = InputReducerTests.context(layout: ScreenLayout(width: 80, height: 24, layerCount: 2))
        _ = InputReducerTests.run([.mouse(MouseEvent(.press, column: 60, row: 18))], ui: &ui, context: compact)
        #expect(ui.focus == .pad)
        #expect(ui.pad.isEmpty)
    }
}
