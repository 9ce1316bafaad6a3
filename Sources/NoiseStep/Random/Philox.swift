/// Philox4x32-10, the counter-based generator of Salmon et al., "Parallel random numbers:
/// as easy as 1, 2, 3" (SC 2011).
///
/// A pure function from (key, counter) to 128 random bits: any draw of any run can be
/// regenerated from its coordinates alone, without replaying the draws before it.
public enum Philox {
    /// The algorithm's name as written into files that depend on its exact output.
    public static let identity = "philox4x32-10"

    @usableFromInline static let multiplier0: UInt32 = 0xD251_1F53
    @usableFromInline static let multiplier1: UInt32 = 0xCD9E_8D57
    @usableFromInline static let weyl0: UInt32 = 0x9E37_79B9
    @usableFromInline static let weyl1: UInt32 = 0xBB67_AE85

    /// Ten rounds of Philox4x32 on `counter` under `key`.
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c = counter, k = key
        for round in 0 ..< 10 {
            if round > 0 { k &+= SIMD2(weyl0, weyl1) }
            let p0 = UInt64(multiplier0) &* UInt64(c[0])
            let p1 = UInt64(multiplier1) &* UInt64(c[2])
            c = SIMD4(UInt32(truncatingIfNeeded: p1 >> 32) ^ c[1] ^ k[0], UInt32(truncatingIfNeeded: p1),
                      UInt32(truncatingIfNeeded: p0 >> 32) ^ c[3] ^ k[1], UInt32(truncatingIfNeeded: p0))
        }
        return c
    }
}
