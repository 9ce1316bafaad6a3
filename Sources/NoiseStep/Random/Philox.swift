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

/// What a stream of random numbers is used for; part of every draw's coordinates so that
/// streams for different purposes never overlap.
public enum RandomPurpose: UInt32, Sendable {
    case initialWeights = 1
    case batch = 2
    case perturbation = 3
    case augmentation = 4
    case evaluation = 5
}

/// A sequence of random numbers addressed by (seed, purpose, step, index): the draws of
/// stream (purpose, step, index) are Philox blocks 0, 1, 2, … with counter
/// (block, index, step, purpose). Creating a stream is free; the same coordinates always
/// give the same numbers.
public struct RandomStream {
    @usableFromInline let key: SIMD2<UInt32>
    @usableFromInline let index: UInt32
    @usableFromInline let step: UInt32
    @usableFromInline let purpose: UInt32
    @usableFromInline var block: UInt32 = 0
    @usableFromInline var buffer = SIMD4<UInt32>()
    @usableFromInline var used = 4

    /// - Precondition: `step` and `index` fit in 32 bits.
    public init(seed: UInt64, purpose: RandomPurpose, step: Int = 0, index: Int = 0) {
        precondition(step >= 0 && step <= Int(UInt32.max) && index >= 0 && index <= Int(UInt32.max))
        key = SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        self.index = UInt32(index)
        self.step = UInt32(step)
        self.purpose = purpose.rawValue
    }

    @inlinable
    public mutating func nextUInt32() -> UInt32 {
        if used == 4 {
            buffer = Philox.block(counter: SIMD4(block, index, step, purpose), key: key)
            block &+= 1
            used = 0
        }
        defer { used += 1 }
        return buffer[used]
    }

    @inlinable
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }

    /// Uniform in [0, bound), without modulo bias (Lemire's multiply-and-reject).
    @inlinable
    public mutating func next(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= Int(UInt32.max))
        let range = UInt64(bound)
        var product = UInt64(nextUInt32()) &* range
        if UInt32(truncatingIfNeeded: product) < UInt32(bound) {
            let threshold = UInt32((UInt64(1) << 32) % range)
            while UInt32(truncatingIfNeeded: product) < threshold {
                product = UInt64(nextUInt32()) &* range
            }
        }
        return Int(product >> 32)
    }

    /// Uniform in (0, 1], with 53 random bits.
    @inlinable
    public mutating func nextUnitOpenClosed() -> Double {
        Double((nextUInt64() >> 11) + 1) * 0x1p-53
    }

    /// Uniform in [0, 1], with 32 random bits: 0 and 1 are both reached.
    @inlinable
    public mutating func nextUnitClosed() -> Double {
        Double(nextUInt32()) / Double(UInt32.max)
    }
}
