import Foundation

/// One sparse ternary perturbation ν: each parameter is nonzero with probability
/// `density`, with a uniform sign. Regenerated from its key (seed, step, index) alone.
public struct Perturbation: Sendable, Equatable {
    /// Flat parameter positions of the nonzero entries, strictly ascending.
    public var positions: [Int]
    /// The entry at each position: −1 or +1.
    public var signs: [Int8]

    /// Draws perturbation `index` of step `step`.
    ///
    /// Positions are sampled directly: the gaps between nonzeros are geometric,
    /// gap = ⌊ln U / ln(1 − density)⌋ with U uniform in (0, 1], so the cost is one random
    /// number per nonzero entry, not one per parameter. Each 64-bit draw gives U from its
    /// top 53 bits and the sign from its lowest bit.
    public init(seed: UInt64, step: Int, index: Int, density: Double, parameterCount: Int) {
        precondition(density > 0 && density < 1 && parameterCount > 0)
        var random = RandomStream(seed: seed, purpose: .perturbation, step: step, index: index)
        let logKeep = Foundation.log1p(-density)
        positions = []
        signs = []
        var position = -1
        while true {
            let bits = random.nextUInt64()
            let uniform = RandomStream.unitOpenClosed(bits)
            let gap = Foundation.log(uniform) / logKeep
            // A gap past the end (or an overflowing one) ends the perturbation.
            guard gap < Double(parameterCount - position - 1) else { break }
            position += Int(gap) + 1
            positions.append(position)
            signs.append(bits & 1 == 0 ? 1 : -1)
        }
    }

    public init(positions: [Int], signs: [Int8]) {
        precondition(positions.count == signs.count)
        self.positions = positions
        self.signs = signs
    }
}
