import Foundation
@testable import NoiseStep

/// A plain Float64 copy of a model of any layer list, one example at a time: the check
/// the engines' alignments and losses are held to. Loops only, in the most obvious order.
///
/// Max pooling has a kink wherever two entries of a window tie, and ties are common (a
/// convolution over blank background gives its bias at every position), so a central
/// difference across one measures neither side's derivative. A `Route` fixes where each
/// window's maximum is taken from: recorded at the point the derivative is taken (the
/// first maximum, as the kernels choose, with values that differ only by rounding taken
/// as equal) and followed at the points around it, the difference measures the
/// derivative of that branch, which the engines compute. That holds where the pooled
/// values are the first layer's (exact sums of integer levels in the kernels) or the
/// image's; deeper down, values equal in exact arithmetic are summed in different orders
/// in Float and either may come out larger, so such a window is counted as ambiguous.
enum ReferenceNetwork {
    /// Where each pooling window's maximum was taken from, windows in the order the layers
    /// visit them: an index into the pooling layer's input.
    struct Route {
        var chosen: [Int] = []
        /// Windows past the first layer whose two largest entries are within rounding.
        var ambiguous = 0
        /// Whether `chosen` is followed (else it is being recorded).
        var isRecorded = false
        fileprivate var cursor = 0
    }

    /// One `Route` per example of a batch, shared by the evaluations of a difference.
    final class Routes {
        var routes: [Int: Route] = [:]
        var ambiguous: Int { routes.values.reduce(0) { $0 + $1.ambiguous } }
    }

    /// The logits of one example (before the temperature), each window's maximum its first.
    static func logits(_ parameters: [Double], shape: ModelShape, input: [Double]) -> [Double] {
        var route = Route()
        return logits(parameters, shape: shape, input: input, route: &route)
    }

    /// The logits of one example (before the temperature), pooling along `route`: recorded
    /// (the first maximum of each window) unless it already is, then followed.
    /// - Parameters: parameters: flat parameter order of `shape`; input: the encoded image, [784].
    static func logits(_ parameters: [Double], shape: ModelShape, input: [Double], route: inout Route) -> [Double] {
        route.cursor = 0
        defer { route.isRecorded = true }
        var activations = input
        for (kind, place) in zip(shape.layers, shape.places) {
            var z: [Double]
            switch kind {
            case is DenseLayer: z = dense(parameters, place: place, activations)
            case let conv as ConvLayer: z = convolve(parameters, kernel: conv.kernel, place: place, activations)
            case let pool as PoolLayer: z = maxPool(size: pool.size, place: place, activations, route: &route)
            default: preconditionFailure("no reference for \(kind.spec)")
            }
            if place.hasActivation {
                let mean = z.reduce(0, +) / Double(z.count)
                let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(z.count)
                z = z.map { max(0, ($0 - mean) / (variance + 1e-5).squareRoot()) }
            }
            activations = z
        }
        return activations
    }

    private static func dense(_ parameters: [Double], place: LayerPlace, _ x: [Double]) -> [Double] {
        let block = place.parameters!, base = place.parameterOffset
        return (0 ..< block.rows).map { o in
            var sum = parameters[base + block.weightCount + o]
            for j in 0 ..< block.columns { sum += parameters[base + o * block.columns + j] * x[j] }
            return sum
        }
    }

    private static func convolve(_ parameters: [Double], kernel k: Int, place: LayerPlace, _ x: [Double]) -> [Double] {
        let block = place.parameters!, base = place.parameterOffset, input = place.input, output = place.output
        var z: [Double] = []
        for o in 0 ..< output.channels {
            for y in 0 ..< output.height {
                for xo in 0 ..< output.width {
                    var sum = parameters[base + block.weightCount + o]
                    for c in 0 ..< input.channels {
                        for ky in 0 ..< k {
                            for kx in 0 ..< k {
                                let weight = parameters[base + o * block.columns + (c * k + ky) * k + kx]
                                sum += weight * x[(c * input.height + y + ky) * input.width + xo + kx]
                            }
                        }
                    }
                    z.append(sum)
                }
            }
        }
        return z
    }

    private static func maxPool(size: Int, place: LayerPlace, _ x: [Double], route: inout Route) -> [Double] {
        let input = place.input, output = place.output
        var z: [Double] = []
        for c in 0 ..< output.channels {
            for y in 0 ..< output.height {
                for xo in 0 ..< output.width {
                    let corner = (c * input.height + y * size) * input.width + xo * size
                    if route.isRecorded {
                        z.append(x[route.chosen[route.cursor]])
                        route.cursor += 1
                        continue
                    }
                    let window = (0 ..< size * size).map { corner + ($0 / size) * input.width + $0 % size }
                    let top = window.map { x[$0] }.max()!
                    // Sums equal in exact arithmetic (the kernels sum the first layer's integer
                    // levels, 1/255 apart) differ here by the rounding of the Float inputs, ~1e-7 each.
                    let tied = window.filter { x[$0] >= top - 1e-4 * max(1, abs(top)) }
                    if tied.count > 1, place.index > 1 { route.ambiguous += 1 }
                    route.chosen.append(tied[0])
                    z.append(x[tied[0]])
                }
            }
        }
        return z
    }
}
