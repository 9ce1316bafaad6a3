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
            let uniform = Double((bits >> 11) + 1) * 0x1p-53
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

/// The nonzero entries of all of a step's perturbations, grouped by layer, with each
/// entry's place in the model resolved once.
struct PerturbationEntries {
    /// One nonzero entry of perturbation `sample`.
    struct Entry {
        var position: Int
        var row: Int32
        /// The input index for a weight; −1 for a bias.
        var column: Int32
        var sample: Int32
        var sign: Int8
        var isBias: Bool { column < 0 }
    }

    /// [layer] → entries of that layer, grouped by sample in ascending order.
    var byLayer: [[Entry]]
    /// [sample] → [layer] → range of that sample's entries in `byLayer[layer]`.
    var ranges: [[Range<Int>]]
    var totalEntries: Int

    init(_ perturbations: [Perturbation], shape: ModelShape) {
        byLayer = Array(repeating: [], count: shape.layerCount)
        ranges = []
        ranges.reserveCapacity(perturbations.count)
        totalEntries = 0
        for (sample, perturbation) in perturbations.enumerated() {
            let starts = byLayer.map(\.count)
            for (position, sign) in zip(perturbation.positions, perturbation.signs) {
                let place = shape.locate(position)
                byLayer[place.layer].append(Entry(position: position, row: Int32(place.row),
                                                  column: place.isBias ? -1 : Int32(place.column),
                                                  sample: Int32(sample), sign: sign))
            }
            ranges.append((0 ..< shape.layerCount).map { starts[$0] ..< byLayer[$0].count })
            totalEntries += perturbation.positions.count
        }
    }
}
