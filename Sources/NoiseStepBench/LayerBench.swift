import Foundation
import NoiseStep

/// `bench --layers SPEC`: the training step (reverse and forward mode), the forward pass
/// and each layer's own passes of a model given as a layer list, e.g. the conv preset,
/// with the default MLP's reverse step and the PyTorch peer's reverse step of the same
/// model timed in the same rounds, so that a busy machine slows all alike; the
/// multiply-adds of one image, and the forward pass's and each layer's rate against the
/// machine's measured peak.
///
/// The model runs with its own training options (the conv preset's for its list, the
/// defaults otherwise) at the end of any batch ramp: the batch a run spends most time in.
public struct LayerBench {
    public let layers: [any LayerKind]
    public var rounds = 3
    public var threads: Int
    var warmUpSteps = 2
    var timedSteps = 10
    /// Runs of each layer pass per chunk (`LayerProbe`).
    var passRepetitions = 10
    /// The peer, or why it is skipped (`Bench.prepareReference`).
    var reference: ReferenceRunner?
    var referenceSkipped: String?
    var referenceSteps = 6

    public init(layers: [any LayerKind], threads: Int) {
        self.layers = layers
        self.threads = threads
    }

    /// Finds the peer as `choice` says, for the rounds to time beside ours. Call
    /// `cleanUp()` when done.
    public mutating func prepareReference(_ choice: ReferenceChoice) throws(BenchError) {
        guard choice == .skip || ReferenceRunner.arguments(for: options) != nil else {
            referenceSkipped = "the PyTorch peer has only MLPs and the conv preset"
            return
        }
        (reference, referenceSkipped) = try Bench.prepareReference(choice, threads: threads)
    }

    public func cleanUp() { reference?.cleanUp() }

    /// One layer's pass in the table: milliseconds for the batch, and its rate where its
    /// operations are counted (`LayerProbe.operations`).
    public struct PassFigure: Encodable, Sendable {
        public var layer: String
        public var pass: String
        public var ms: Double
        public var msByRound: [Double]
        public var gflops: Double?
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
        /// Each layer's forward pass, and backward product above the first.
        public var passes: [PassFigure]
        /// The PyTorch peer's reverse step of the same model and options; nil when skipped.
        public var referenceReverseStepMs: Double?
        public var referenceReverseStepMsByRound: [Double]
        public var referenceSkipped: String?
    }

    /// The options the model is timed with.
    var options: TrainingOptions {
        var options = layers.map(\.spec).joined(separator: ", ") == ModelPreset.convSpec
            ? ModelPreset.conv.trainingOptions : TrainingOptions()
        options.use(layers: layers)
        options.threads = threads
        options.ramp?.batchFrom = nil
        return options
    }

    public func measure(progress: (String) -> Void) throws -> Result {
        let options = options
        let shape = try Limits.check(options)
        var mlp = TrainingOptions()
        mlp.threads = threads
        let training = try BundledData.load().train
        let list = EngineTimings(options: options, training: training), baseline = EngineTimings(options: mlp, training: training)
        let trainer = try Trainer(options: options, training: training)
        let probe = LayerProbe(model: trainer.model, data: training, encoding: options.input,
                               batch: trainer.batchIndices(step: 1), threads: threads)
        let slots = shape.places.indices.flatMap { layer in
            LayerProbe.Pass.allCases.filter { probe.has($0, layer: layer) }.map { (layer, $0) }
        }
        var reverse: [Double] = [], forward: [Double] = [], passes: [Double] = [], mlpReverse: [Double] = [], peaks: [Double] = []
        var layerMs = [[Double]](repeating: [], count: slots.count), referenceMs: [Double] = []
        for round in 1 ... max(1, rounds) {
            progress("round \(round)/\(rounds): steps, forward pass and layers of the layer list, the MLP's step, the peak"
                + (reference == nil ? "" : ", the PyTorch peer's step"))
            reverse.append(try list.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            mlpReverse.append(try baseline.stepMilliseconds(alignment: .reverse, warmUp: warmUpSteps, steps: timedSteps))
            forward.append(try list.stepMilliseconds(alignment: .forward, warmUp: 1, steps: max(1, timedSteps / 5)))
            passes.append(try list.forwardPassMilliseconds(warmUp: warmUpSteps, passes: timedSteps))
            for (slot, (layer, pass)) in slots.enumerated() {
                layerMs[slot].append(1000 * probe.seconds(of: pass, layer: layer, repetitions: passRepetitions))
            }
            peaks.append(MachinePeak.gflops(threads: threads))
            if let reference, let arguments = ReferenceRunner.arguments(for: options) {
                referenceMs.append(try reference.run(mode: "reverse", steps: referenceSteps, options: arguments).medianMilliseconds)
            }
        }
        let macs = Self.multiplyAdds(shape), pass = Statistics.median(passes) ?? 0
        let figures = slots.enumerated().map { slot, entry in
            let ms = Statistics.median(layerMs[slot]) ?? 0
            return PassFigure(layer: "\(entry.0 + 1) \(shape.layers[entry.0].spec)", pass: entry.1.rawValue, ms: ms,
                              msByRound: layerMs[slot],
                              gflops: probe.operations(of: entry.1, layer: entry.0).map { $0 / (ms / 1000) / 1e9 })
        }
        return Result(layers: shape.spec, parameters: shape.parameterCount,
                      multiplyAddsPerImage: macs, batch: options.batch, samples: options.samples, threads: threads,
                      reverseStepMs: Statistics.median(reverse) ?? 0, forwardStepMs: Statistics.median(forward) ?? 0,
                      forwardPassMs: pass, mlpReverseStepMs: Statistics.median(mlpReverse) ?? 0,
                      reverseStepMsByRound: reverse, forwardStepMsByRound: forward, forwardPassMsByRound: passes,
                      mlpReverseStepMsByRound: mlpReverse,
                      forwardPassGflops: 2 * Double(macs * options.batch) / (pass / 1000) / 1e9,
                      peakGflops: Statistics.median(peaks) ?? 0, passes: figures,
                      referenceReverseStepMs: Statistics.median(referenceMs), referenceReverseStepMsByRound: referenceMs,
                      referenceSkipped: referenceSkipped)
    }

    /// Multiply-adds of one image through every layer with weights: each weight once per
    /// output position (a dense layer has one).
    static func multiplyAdds(_ shape: ModelShape) -> Int {
        shape.places.reduce(0) { total, place in
            total + (place.parameters?.weightCount ?? 0) * place.output.height * place.output.width
        }
    }
}
