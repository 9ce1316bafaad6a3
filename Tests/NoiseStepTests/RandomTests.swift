import Testing
@testable import NoiseStep

@Suite struct RandomTests {
    /// Known-answer vectors of Philox4x32-10 from the Random123 distribution.
    @Test func philoxMatchesKnownAnswers() {
        #expect(Philox.block(counter: .zero, key: .zero) == SIMD4(0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8))
        #expect(Philox.block(counter: SIMD4(repeating: .max), key: SIMD2(repeating: .max))
            == SIMD4(0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD))
        #expect(Philox.block(counter: SIMD4(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344),
                             key: SIMD2(0xA409_3822, 0x299F_31D0))
            == SIMD4(0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1))
    }

    @Test func streamsAreDeterministicAndDistinct() {
        func draws(_ seed: UInt64, _ purpose: RandomPurpose, _ step: Int, _ index: Int) -> [UInt32] {
            var stream = RandomStream(seed: seed, purpose: purpose, step: step, index: index)
            return (0 ..< 9).map { _ in stream.nextUInt32() }
        }
        #expect(draws(5, .perturbation, 3, 7) == draws(5, .perturbation, 3, 7))
        #expect(draws(5, .perturbation, 3, 7) != draws(6, .perturbation, 3, 7))
        #expect(draws(5, .perturbation, 3, 7) != draws(5, .batch, 3, 7))
        #expect(draws(5, .perturbation, 3, 7) != draws(5, .perturbation, 4, 7))
        #expect(draws(5, .perturbation, 3, 7) != draws(5, .perturbation, 3, 8))
    }

    @Test func boundedDrawsAreUniform() {
        var stream = RandomStream(seed: 1, purpose: .evaluation)
        var counts = [Int](repeating: 0, count: 3)
        for _ in 0 ..< 30_000 { counts[stream.next(below: 3)] += 1 }
        // Each count is Binomial(30000, 1/3): sd ≈ 82, so ±400 is about 5 sd.
        for count in counts { #expect(abs(count - 10_000) < 400) }
        for _ in 0 ..< 1000 {
            let unit = RandomStream.unitOpenClosed(stream.nextUInt64())
            #expect(unit > 0 && unit <= 1)
        }
        #expect(RandomStream.unitOpenClosed(0) == 0x1p-53 && RandomStream.unitOpenClosed(.max) == 1)
    }
}
