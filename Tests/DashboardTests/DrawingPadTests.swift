@testable import Dashboard
import Testing

@Suite struct DrawingPadTests {
    @Test func stampIsFullInTheMiddleAndGreyAtTheEdges() {
        var pad = DrawingPad()
        pad.stamp(at: PadPoint(x: 10.5, y: 10.5))
        #expect(pad[10, 10] == 1)
        #expect(pad[11, 10] == 0.6)
        #expect(pad[11, 11] > 0 && pad[11, 11] < 0.6)
        #expect(pad[12, 10] == 0)
        #expect(!pad.isEmpty)
    }

    @Test func fastStrokeLeavesNoGaps() {
        var pad = DrawingPad()
        pad.stroke(from: PadPoint(x: 2.5, y: 14.5), to: PadPoint(x: 25.5, y: 14.5))
        for column in 2 ... 25 { #expect(pad[column, 14] == 1, "column \(column)") }
    }

    @Test func eraseLightensAndPaintNeverLightens() {
        var pad = DrawingPad()
        pad.stamp(at: PadPoint(x: 5.5, y: 5.5))
        pad.stamp(at: PadPoint(x: 6.5, y: 5.5))
        #expect(pad[6, 5] == 1 && pad[5, 5] == 1)
        pad.stamp(at: PadPoint(x: 5.5, y: 5.5), erasing: true)
        #expect(pad[5, 5] == 0)
        #expect(abs(pad[6, 5] - 0.4) < 1e-6)
    }

    @Test func stampsOffThePadAreClipped() {
        var pad = DrawingPad()
        pad.stamp(at: PadPoint(x: -0.2, y: 27.9))
        #expect(pad[0, 27] > 0)
        pad.stamp(at: PadPoint(x: 80, y: -40))
        #expect(pad.pixels.filter { $0 > 0 }.count == 2)
    }

    @Test func revisionChangesWithEveryEdit() {
        var pad = DrawingPad()
        let start = pad.revision
        pad.stamp(at: PadPoint(x: 1, y: 1))
        pad.clear()
        #expect(pad.revision == start + 2)
        #expect(pad.isEmpty)
    }

    @Test func loadedBytesComeBackExactly() {
        var pad = DrawingPad()
        let image = (0 ..< 784).map { UInt8($0 % 256) }
        pad.load(image)
        #expect(pad.bytes == image)
    }
}
