import Testing
@testable import NoiseStep

@Suite struct StepLogChecksumTests {
    @Test func crc32MatchesTheStandardCheckValue() {
        #expect(Checksum.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(Checksum.crc32([UInt8]()) == 0)
        #expect(Checksum.crc32(Array("123456789".utf8)[2...]) == Checksum.crc32(Array("3456789".utf8)))
    }

    @Test func crc8MatchesTheStandardCheckValue() {
        #expect(Checksum.crc8(Array("123456789".utf8)) == 0xF4)
    }

    @Test func crc8CatchesEverySingleBitFlipOfAFramePrefix() {
        let prefix: [UInt8] = [0x53, 0x27, 0x00, 0x00, 0x00]
        let check = Checksum.crc8(prefix)
        for bit in 0 ..< 48 {
            var framed = prefix + [check]
            framed[bit / 8] ^= 1 << UInt8(bit % 8)
            #expect(Checksum.crc8(framed[0 ..< 5]) != framed[5], "bit \(bit)")
        }
    }
}
