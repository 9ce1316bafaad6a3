@testable import Dashboard
import Testing

@Suite struct ScreenLayoutTests {
    @Test func layoutOf120By40() throws {
        let layout = try #require(ScreenLayout(width: 120, height: 40, layerCount: 3))
        #expect(layout.status == Rect(column: 0, row: 0, width: 120, height: 2))
        #expect(layout.message == Rect(column: 0, row: 39, width: 120, height: 1))
        #expect(layout.pad == Rect(column: 62, row: 2, width: 58, height: 30))
        #expect(layout.prediction == Rect(column: 62, row: 32, width: 58, height: 7))
        #expect(layout.loss == Rect(column: 0, row: 2, width: 62, height: 13))
        #expect(layout.accuracy == Rect(column: 0, row: 15, width: 62, height: 13))
        #expect(layout.sparsity == Rect(column: 0, row: 28, width: 62, height: 7))
        #expect(layout.acceptance == Rect(column: 0, row: 35, width: 62, height: 4))
    }

    @Test func tooSmallScreensHaveNoLayout() {
        #expect(ScreenLayout(width: 99, height: 40, layerCount: 3) == nil)
        #expect(ScreenLayout(width: 100, height: 39, layerCount: 3) == nil)
        #expect(ScreenLayout(width: 100, height: 40, layerCount: 3) != nil)
    }

    @Test func screenCellsMapToPadPoints() throws {
        let layout = try #require(ScreenLayout(width: 120, height: 40, layerCount: 3))
        #expect(layout.padPixels == Rect(column: 63, row: 3, width: 56, height: 28))
        #expect(layout.padPoint(column: 63, row: 3) == PadPoint(x: 0.25, y: 0.5))
        #expect(layout.padPoint(column: 64, row: 3) == PadPoint(x: 0.75, y: 0.5))
        #expect(layout.padPoint(column: 118, row: 30) == PadPoint(x: 27.75, y: 27.5))
        #expect(layout.isTrainingPanel(column: 10, row: 10))
        #expect(!layout.isTrainingPanel(column: 70, row: 10))
    }
}
