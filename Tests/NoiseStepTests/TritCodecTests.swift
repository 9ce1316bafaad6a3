import Testing
@testable import NoiseStep

@Suite struct TritsPackingTests {
    @Test func packsFiveValuesPerByteLeastSignificantFirst() {
        #expect(TritCodec.pack([1, -1, 0, 0, 1]) == [88])  // 1 + 2·3 + 1·81
        #expect(TritCodec.pack([-1, -1, -1, -1, -1]) == [242])
        #expect(TritCodec.pack([0, 0, 0, 0, 0, 1]) == [0, 1])
        #expect(TritCodec.pack([]) == [])
    }

    @Test func packedCountRoundsUp() {
        #expect([0, 1, 4, 5, 6, 10, 11, 128].map(TritCodec.packedCount) == [0, 1, 1, 1, 2, 2, 3, 26])
    }

    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 127, 128, 1001])
    func roundTripsEveryLength(count: Int) {
        var random = RandomStream(seed: UInt64(count), purpose: .evaluation)
        let values = (0 ..< count).map { _ in Int8(random.next(below: 3) - 1) }
        let packed = TritCodec.pack(values)
        #expect(packed.count == TritCodec.packedCount(count))
        #expect(TritCodec.unpack(packed[...], count: count) == values)
    }

    @Test func refusesBytesAbove242() {
        #expect(TritCodec.unpack([243][...], count: 5) == nil)
        #expect(TritCodec.unpack([255][...], count: 5) == nil)
    }

    @Test func refusesNonzeroUnusedDigits() {
        // Two values use digits 0 and 1; 9 sets digit 2.
        #expect(TritCodec.unpack([9][...], count: 2) == nil)
        #expect(TritCodec.unpack([8][...], count: 2) == [-1, -1])
    }

    @Test func refusesWrongLengths() {
        #expect(TritCodec.unpack([0, 0][...], count: 5) == nil)
        #expect(TritCodec.unpack([][...], count: 1) == nil)
        #expect(TritCodec.unpack([0][...], count: -1) == nil)
    }
}
