import NoiseStepKernels

extension PoolLayer {
    /// The largest value of each window of one example, then layer norm and ReLU when the
    /// layer has an activation. - input: [channels, height, width] row-major.
    public func apply(to input: [Float], parameters: TernaryLayer, at place: LayerPlace) -> [Float] {
        let s = shape(at: place)
        precondition(input.count == s.inputRows)
        var out = [Float](repeating: 0, count: s.outputRows)
        for c in 0 ..< s.channels {
            for y in 0 ..< s.outHeight {
                for x in 0 ..< s.outWidth {
                    let corner = (c * s.height + y * size) * s.width + x * size
                    var largest = input[corner]
                    for dy in 0 ..< size {
                        for dx in 0 ..< size where input[corner + dy * s.width + dx] > largest {
                            largest = input[corner + dy * s.width + dx]
                        }
                    }
                    out[(c * s.outHeight + y) * s.outWidth + x] = largest
                }
            }
        }
        if place.hasActivation { LayerNorm.normalizeAndRectify(&out) }
        return out
    }
}
