@testable import Dashboard
import NoiseStep
import Testing

@Suite struct WidgetTests {
    @Test func sparklineScalesToItsRangeAndFillsFromTheLeft() {
        #expect(Sparkline.glyphs([0, 0.5, 1, nil, 2], width: 8, range: 0 ... 1) == "▁▅█ █")
    }

    @Test func sparklineDrawsAHistoryFittedToItsWidth() {
        var series = TieredSeries()
        for step in 1 ... 100 { series.append(step: step, value: Double((step - 1) / 50)) }
        let values = series.columns(1 ... 100, count: 4).map { $0?.mean }
        #expect(Sparkline.glyphs(values, width: 4, range: 0 ... 1) == "▁▁██")
        #expect(Sparkline.glyphs([1, 1, 1], width: 2, range: 0 ... 1) == "██", "never wider than its room")
    }

    private func meter(_ fraction: Double, _ width: Int) -> String {
        let meter = Meter(fraction: fraction, width: width)
        return meter.filled + meter.track
    }

    @Test func meterFillsInEighths() {
        #expect(meter(0.5, 4) == "██" + "··")
        #expect(meter(0.3, 5) == "█▌" + "···")
        #expect(meter(2, 3) == "███" + "")
        #expect(meter(.nan, 2) == "" + "··")
    }

    @Test func brailleDotsFormGlyphs() {
        var dots = BrailleDots(columns: 2, rows: 1)
        dots.set(x: 0, y: 0, style: .plain)
        dots.set(x: 1, y: 3, style: .plain)
        dots.set(x: 3, y: 1, style: .plain)
        dots.set(x: 9, y: 9, style: .plain)
        var canvas = Canvas(width: 2, height: 1)
        dots.draw(into: &canvas, column: 0, row: 0)
        #expect(canvas.text() == "⢁⠐")
    }

    @Test func brailleLineLeavesNoGaps() {
        var dots = BrailleDots(columns: 4, rows: 1)
        dots.line(from: (0, 3), to: (7, 0), style: .plain)
        for x in 0 ..< 8 { #expect((0 ..< 4).contains { dots.isSet(x: x, y: $0) }, "column \(x)") }
        #expect(dots.isSet(x: 0, y: 3) && dots.isSet(x: 7, y: 0))
    }

    @Test func braillePlotHasAxesLabelsAndSteps() {
        let text = Fixtures.render(width: 20, height: 4) { canvas, rect in
            BraillePlot.draw([PlotSeries(points: [3, 2, 1, 0], style: .plain)], range: 0 ... 3,
                             label: NumberFormat.significant, steps: 1 ... 4, in: &canvas, rect: rect)
        }
        #expect(text == """
              3.00 ┤⠑⠢⢄⡀
              1.50 ┤   ⠈⠉⠒⠤⣀
                 0 ┤        ⠉⠒⠤⣀
                   └1     step 4
            """)
    }

    @Test func plotMarkersStandInTheirCells() {
        let text = Fixtures.render(width: 14, height: 3) { canvas, rect in
            BraillePlot.draw([PlotSeries(points: [0, nil, 2], style: .plain, marker: "◆")], range: 0 ... 2,
                             label: NumberFormat.significant, bottomPrefix: "≤", steps: 1 ... 3, in: &canvas, rect: rect)
        }
        #expect(text == """
              2.00 ┤     ◆
                ≤0 ┤◆
                   └1    3
            """)
    }
}
