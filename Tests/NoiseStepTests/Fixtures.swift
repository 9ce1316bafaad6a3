import Foundation
@testable import NoiseStep

/// Small synthetic data and a plain Float64 reference network, built inside the tests.
enum Fixtures {
    /// `count` 28×28 images of ten easy classes: class k lights a horizontal band at rows
    /// 2k...2k+4 plus noise pixels, so a small MLP can learn it in a few hundred steps.
    static func bands(count: Int, seed: UInt64 = 7, gray: Bool = false) -> Dataset {
        var random = RandomStream(seed: seed, purpose: .evaluation)
        var pixels = [UInt8](repeating: 0, count: count * 784)
        var labels = [UInt8](repeating: 0, count: count)
        for index in 0 ..< count {
            let label = index % 10
            labels[index] = UInt8(label)
            for row in 2 * label + 2 ..< 2 * label + 6 {
                for column in 4 ..< 24 where random.next(below: 4) != 0 {
                    pixels[index * 784 + row * 28 + column] = gray ? UInt8(100 + random.next(below: 156)) : 255
                }
            }
            for _ in 0 ..< 20 { pixels[index * 784 + random.next(below: 784)] = UInt8(1 + random.next(below: 255)) }
        }
        return Dataset(pixels: pixels, labels: labels)
    }

    /// Mean softmax cross-entropy of a float copy of the model, in Float64 (`ReferenceNetwork`).
    /// - Parameters: parameters: flat parameter order of `shape`; routes: where each pooling
    ///   window's maximum is taken from (`ReferenceNetwork.Routes`), one per entry of
    ///   `indices`, recorded by the first call that passes them and followed by the rest.
    static func referenceLoss(_ parameters: [Double], shape: ModelShape, data: Dataset, indices: [Int],
                              encoding: InputEncoding, temperature: Double = 1,
                              routes: ReferenceNetwork.Routes? = nil) -> Double {
        var total = 0.0
        for (slot, index) in indices.enumerated() {
            let input = data.image(index).map { Double(encoding.encode($0)) }
            var route = routes?.routes[slot] ?? ReferenceNetwork.Route()
            let z = ReferenceNetwork.logits(parameters, shape: shape, input: input, route: &route)
                .map { $0 / temperature }
            routes?.routes[slot] = route
            let top = z.max()!
            let logSum = log(z.reduce(0) { $0 + exp($1 - top) }) + top
            total += logSum - z[Int(data.labels[index])]
        }
        return total / Double(indices.count)
    }
}

extension Trainer {
    /// Changes the next step's settings, as the dashboard's keys do.
    func adjust(_ edit: (inout StepSettings) -> Void) throws {
        var settings = self.settings
        edit(&settings)
        try change(settings)
    }
}
