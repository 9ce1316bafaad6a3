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

    /// Uniform in (0, 1] from the top 53 of 64 random `bits`.
    @inlinable
    public static func unitOpenClosed(_ bits: UInt64) -> Double {
        Double((bits >> 11) + 1) * 0x1p-53
    }

    /// Uniform in [0, 1], with 32 random bits: 0 and 1 are both reached.
    @inlinable
    public mutating func nextUnitClosed() -> Double {
        Double(nextUInt32()) / Double(UInt32.max)
    }
}
