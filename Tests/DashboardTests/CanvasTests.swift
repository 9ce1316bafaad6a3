@testable import Dashboard
import Testing

@Suite struct CanvasTests {
    @Test func writesOutsideTheGridAreClipped() {
        var canvas = Canvas(width: 5, height: 2)
        canvas.put("abcdefg", column: 2, row: 0)
        canvas.put("xyz", column: -1, row: 1)
        canvas.put("hidden", column: 0, row: 5)
        #expect(canvas.text() == "  abc\nyz")
        #expect(canvas[-1, 0] == .blank)
    }

    @Test func putStopsAtTheLimitAndReturnsTheNextColumn() {
        var canvas = Canvas(width: 10, height: 1)
        let end = canvas.put("abcdef", column: 1, row: 0, limit: 3)
        #expect(end == 4)
        #expect(canvas.text() == " abc")
    }

    @Test func boxTitlesLeaveOutWholeItemsToFit() {
        var title = TextLine("loss", .title)
        title.add(" 0.512", .plain)
        title.add("  linear", .muted, priority: 1)
        let text = Fixtures.render(width: 16, height: 3) { canvas, rect in
            canvas.box(rect, title: title)
        }
        #expect(text == """
            ┌ loss 0.512 ──┐
            │              │
            └──────────────┘
            """)
    }

    @Test func focusedBoxIsMarkedAndStyled() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.box(canvas.bounds, title: "pad", focused: true)
        #expect(canvas.text(in: Rect(column: 0, row: 0, width: 10, height: 1)) == "┌▸ pad ──┐")
        #expect(canvas[0, 0].style == CellStyle(.focus, bold: true))
    }

    @Test func textOfARegion() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.put("abcdef", column: 0, row: 1)
        #expect(canvas.text(in: Rect(column: 2, row: 1, width: 2, height: 2)) == "cd\n")
    }

    @Test func rectHelpers() {
        let rect = Rect(column: 2, row: 3, width: 10, height: 6)
        #expect(rect.inset(by: 1) == Rect(column: 3, row: 4, width: 8, height: 4))
        #expect(rect.top(2) == Rect(column: 2, row: 3, width: 10, height: 2))
        #expect(rect.droppingTop(2) == Rect(column: 2, row: 5, width: 10, height: 4))
        #expect(rect.droppingLeft(12).isEmpty)
        #expect(rect.contains(column: 11, row: 8) && !rect.contains(column: 12, row: 8))
    }
}
