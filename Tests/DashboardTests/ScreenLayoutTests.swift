@testable import Dashboard
import Testing

@Suite struct ScreenLayoutTests {
    @Test func compactAt80By24() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24, layerCount: 3))
        #expect(layout.arrangement == .compact)
        #expect(layout.status == Rect(column: 0, row: 0, width: 80, height: 2))
        #expect(layout.message == Rect(column: 0, row: 23, width: 80, height: 1))
        #expect(layout.loss == Rect(column: 0, row: 2, width: 50, height: 11))
        #expect(layout.accuracy == Rect(column: 0, row: 13, width: 50, height: 10))
        #expect(layout.changes == Rect(column: 50, row: 2, width: 30, height: 8))
        #expect(layout.acceptance == Rect(column: 50, row: 10, width: 30, height: 6))
        #expect(layout.prediction == Rect(column: 50, row: 16, width: 30, height: 7))
        #expect(layout.pad == nil && layout.sees == nil)
    }

    @Test func compactWithPadFocusPutsThePadWhereThePlotsWere() throws {
        let layout = try #require(ScreenLayout(width: 80, height: 24, layerCount: 3, focus: .pad))
        #expect(layout.pad == Rect(column: 0, row: 2, width: 30, height: 16))
        #expect(layout.padScale == .half)
        #expect(layout.sees == Rect(column: 30, row: 2, width: 16, height: 9))
        #expect(layout.loss == nil)
        #expect(layout.accuracy == Rect(column: 0, row: 18, width: 50, height: 5))
        #expect(layout.prediction == Rect(column: 50, row: 16, width: 30, height: 7))
    }

    @Test func compactAt100By30ShowsMoreChangesAndALossBesideThePad() throws {
        let training = try #require(ScreenLayout(width: 100, height: 30, layerCount: 3))
        #expect(training.arrangement == .compact)
        #expect(training.changes == Rect(column: 70, row: 2, width: 30, height: 9))
        #expect(training.acceptance == Rect(column: 70, row: 11, width: 30, height: 6))
        let pad = try #require(ScreenLayout(width: 100, height: 30, layerCount: 3, focus: .pad))
        #expect(pad.loss == Rect(column: 46, row: 2, width: 24, height: 16))
        #expect(pad.accuracy == Rect(column: 0, row: 18, width: 70, height: 11))
    }

    @Test func standardFrom100By40KeepsThePadInView() throws {
        let layout = try #require(ScreenLayout(width: 120, height: 40, layerCount: 3))
        #expect(layout.arrangement == .standard)
        #expect(layout.pad == Rect(column: 74, row: 2, width: 30, height: 16))
        #expect(layout.sees == Rect(column: 104, row: 2, width: 16, height: 16))
        #expect(layout.prediction == Rect(column: 74, row: 18, width: 46, height: 12))
        #expect(layout.acceptance == Rect(column: 74, row: 30, width: 46, height: 9))
        #expect(layout.loss == Rect(column: 0, row: 2, width: 74, height: 15))
        #expect(layout.accuracy == Rect(column: 0, row: 17, width: 74, height: 15))
        #expect(layout.changes == Rect(column: 0, row: 32, width: 74, height: 7))
        #expect(ScreenLayout(width: 120, height: 40, layerCount: 3, focus: .pad) == layout)
    }

    @Test func largeFrom160By48AddsClassesFieldsAndTheTimeline() throws {
        let half = try #require(ScreenLayout(width: 160, height: 48, layerCount: 3))
        #expect(half.arrangement == .large && half.padScale == .half)
        #expect(half.classes == Rect(column: 98, row: 2, width: 62, height: 13))
        #expect(half.changes == Rect(column: 98, row: 15, width: 62, height: 16))
        #expect(half.fields == Rect(column: 98, row: 31, width: 62, height: 16))
        #expect(half.timeline == Rect(column: 0, row: 22, width: 52, height: 5))
        let double = try #require(ScreenLayout(width: 200, height: 60, layerCount: 3))
        #expect(double.padScale == .double)
        #expect(double.pad == Rect(column: 80, row: 2, width: 58, height: 30))
        #expect(double.sees == Rect(column: 80, row: 32, width: 16, height: 12))
        #expect(double.prediction == Rect(column: 96, row: 32, width: 42, height: 12))
    }

    @Test func onlyBelow80By24IsThereNoLayout() {
        #expect(ScreenLayout(width: 79, height: 24, layerCount: 3) == nil)
        #expect(ScreenLayout(width: 80, height: 23, layerCount: 3) == nil)
        #expect(ScreenLayout(width: 80, height: 24, layerCount: 3) != nil)
    }

    /// At every size, the panels lie on the screen between the status and message rows
    /// and none overlaps another.
    @Test func panelsTileTheScreenWithoutOverlapping() throws {
        for width in 80 ... 230 {
            for height in stride(from: 24, through: 72, by: 3) {
                for focus in [Focus.training, .pad] {
                    let layout = try #require(ScreenLayout(width: width, height: height, layerCount: 3, focus: focus))
                    let body = Rect(column: 0, row: 2, width: width, height: height - 3)
                    for (index, rect) in layout.panels.enumerated() {
                        #expect(rect.width >= 16 && rect.height >= 4, "\(width)×\(height): \(rect)")
                        #expect(rect.column >= 0 && rect.right <= body.right && rect.row >= 2 && rect.bottom <= body.bottom,
                                "\(width)×\(height): \(rect)")
                        for other in layout.panels[(index + 1)...] {
                            let apart = rect.right <= other.column || other.right <= rect.column
                                || rect.bottom <= other.row || other.bottom <= rect.row
                            #expect(apart, "\(width)×\(height): \(rect) overlaps \(other)")
                        }
                    }
                }
            }
        }
    }

    @Test func screenCellsMapToPadPointsAtEitherScale() throws {
        let half = try #require(ScreenLayout(width: 120, height: 40, layerCount: 3))
        #expect(half.padPixels == Rect(column: 75, row: 3, width: 28, height: 14))
        #expect(half.padPoint(column: 75, row: 3) == PadPoint(x: 0.5, y: 1))
        #expect(half.padPoint(column: 102, row: 16) == PadPoint(x: 27.5, y: 27))
        let double = try #require(ScreenLayout(width: 200, height: 60, layerCount: 3))
        #expect(double.padPixels == Rect(column: 81, row: 3, width: 56, height: 28))
        #expect(double.padPoint(column: 81, row: 3) == PadPoint(x: 0.25, y: 0.5))
        #expect(double.padPoint(column: 82, row: 3) == PadPoint(x: 0.75, y: 0.5))
        #expect(half.isTrainingPanel(column: 10, row: 10) && !half.isTrainingPanel(column: 80, row: 10))
        #expect(half.isPadResult(column: 80, row: 20))
        let compact = try #require(ScreenLayout(width: 80, height: 24, layerCount: 3))
        #expect(compact.padPoint(column: 5, row: 5) == nil)
    }
}
