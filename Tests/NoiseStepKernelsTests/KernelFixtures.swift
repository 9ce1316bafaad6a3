@testable import NoiseStepKernels

/// Small deterministic inputs for the kernel tests: a linear congruential stream, so that
/// the tests need nothing from the engine.
struct Numbers {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }

    mutating func next(below bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }

    /// A ternary value, −1, 0 or +1.
    mutating func trit() -> Float { Float(next(below: 3) - 1) }

    /// A value in [−2, 2) with 1/64 steps.
    mutating func value() -> Float { Float(next(below: 256) - 128) / 64 }

    /// `count` values, each made by `make`, in a FloatBuffer.
    mutating func buffer(_ count: Int, _ make: (inout Numbers) -> Float) -> FloatBuffer {
        let buffer = FloatBuffer(count: count)
        for index in 0 ..< count { buffer.pointer[index] = make(&self) }
        return buffer
    }
}

extension FloatBuffer {
    var values: [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
