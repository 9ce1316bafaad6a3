/// Picks validation images for the pad: a seeded SplitMix64 stream, so a run's sequence
/// of `r` images is reproducible.
struct ImagePicker {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A uniformly random index in 0..<count.
    /// - Precondition: `count > 0`.
    mutating func index(below count: Int) -> Int {
        precondition(count > 0)
        var generator = SplitMix64(state: state)
        let index = Int.random(in: 0 ..< count, using: &generator)
        state = generator.state
        return index
    }
}
