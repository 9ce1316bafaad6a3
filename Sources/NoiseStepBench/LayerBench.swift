import Foundation
import NoiseStep

/// `bench --layers SPEC`: the training step (reverse and forward mode) and the forward pass
/// of a model given as a layer list, e.g. the conv preset, with the default MLP's reverse
/// step timed in the same rounds so that a busy machine slows both alike; the multiply-adds
/// of one image and the forward pass's rate against the machine's measured peak.
public struct LayerBench: Sendable {
    public let layers: [any LayerKind]
    public var rounds = 3
    public var threads: Int
    var warmUpSteps = 2
    var timedSteps = 10

    public init(layers: [any LayerKind], threads: Int) {
        self.layers = layers
        self.threads = threads
    }

    /// Medians over rounds of each round's median; `…ByRound` in round order.
    public struct Result: Encodable, Sendable {
        public var layers: String
        public var parameters: Int
        public var multiplyAddsPerImage: Int
        public var batch: Int
        public var samples: Int
        public var threads: Int
        public var reverseStepMs: Double
        public var forwardStepMs: Double
        public var forwardPassMs: Double
        public var mlpReverseStepMs: Double
        public var reverseStepMsByRound: [Double]
        public var forwardStepMsByRound: [Double]
        public var forwardPassMsByRound: [Double]
        public var mlpReverseStepMsByRound: [Double]
        /// 2 · multiply-adds · batch / the forward pass's time.
        public var forwardPassGflops: Double
        public var peakGflops: Double
    }

    public func measure(progress: (String) -> Void) throws -> Result {
        var options = TrainingOptions()
        options.use(layers: layers)
        options.threads = threads
        let shape = try Limits.check(options)
        var mlp = TrainingOptions()
        mlp.threads = threads
        let training = try BundledData.load().train
        let list = EngineTimings(options: options, training: training), baseline = EngineTimings(options: mlp, training: training)
        var reverse: [Double] = [], forward: [Double] = [], passes: [Double] = [], mlpReverse: [Double] = [], peaks: [Double] = []
        for round in 1 ... max(1, rounds) {
            progress("round \(round)/\(rounds): steps and forward pass of the layer list, the MLP's step, the peak")
            reverse.append(try list.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            mlpReverse.append(try baseline.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            forward.append(try list.stepMilliseconds(alignment: .forward, warmUp: 1, steps: max(1, timedSteps / 5)))
            passes.append(try list.forwardPassMilliseconds(warmUp: warmUpSteps, passes: timedSteps))
            peaks.append(MachinePeak.gflops(threads: threads))
        }
        let macs = Self.multiplyAdds(shape), pass = Statistics.median(passes) ?? 0
        return Result(layers: layers.map(\.spec).joined(separator: ", "), parameters: shape.parameterCount,
                      multiplyAddsPerImage: macs, batch: options.batch, samples: options.samples, threads: threads,
                      reverseStepMs: Statistics.median(reverse) ?? 0, forwardStepMs: Statistics.median(forward) ?? 0,
                      forwardPassMs: pass, mlpReverseStepMs: Statistics.median(mlpReverse) ?? 0,
                      reverseStepMsByRound: reverse, forwardStepMsByRound: forward, forwardPassMsByRound: passes,
                      mlpReverseStepMsByRound: mlpReverse,
                      forwardPassGflops: 2 * Double(macs * options.batch) / (pass / 1000) / 1e9,
                      peakGflops: Statistics.median(peaks) ?? 0)
    }

    /// Multiply-adds of one image through every layer with weights: each weight once per
    /// output position (a dense layer has one).
    static func multiplyAdds(_ shape: ModelShape) -> Int {
        shape.places.reduce(0) { total, place in
            total + (place.parameters?.weightCount ?? 0) * place.output.height * place.output.width
        }
    }
}
