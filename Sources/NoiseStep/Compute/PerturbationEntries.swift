import NoiseStepKernels

/// The nonzero entries of all of a step's perturbations, grouped by layer, with each
/// entry's place in the model resolved once.
struct PerturbationEntries {
    /// One nonzero entry of perturbation `sample`: weight (row, column), or the bias of
    /// `row` (column −1), with its sign ±1. The kernels read them as they are.
    typealias Entry = Kernels.Entry

    /// [layer] → entries of that layer, grouped by sample in ascending order.
    var byLayer: [[Entry]]
    /// [sample] → [layer] → range of that sample's entries in `byLayer[layer]`.
    var ranges: [[Range<Int>]]

    init(_ perturbations: [Perturbation], shape: ModelShape) {
        byLayer = Array(repeating: [], count: shape.layerCount)
        ranges = []
        ranges.reserveCapacity(perturbations.count)
        for (sample, perturbation) in perturbations.enumerated() {
            let starts = byLayer.map(\.count)
            for (position, sign) in zip(perturbation.positions, perturbation.signs) {
                let place = shape.locate(position)
                byLayer[place.layer].append(Entry(row: Int32(place.row), column: place.isBias ? -1 : Int32(place.column),
                                                  sample: Int32(sample), sign: Int32(sign)))
            }
            ranges.append((0 ..< shape.layerCount).map { starts[$0] ..< byLayer[$0].count })
        }
    }
}
