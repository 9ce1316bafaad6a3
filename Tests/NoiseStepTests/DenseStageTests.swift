import Testing
@testable import NoiseStep

/// The forms a dense layer's kernels read follow the packed model through every change,
/// although a refresh rewrites only the bytes that changed.
@Suite struct DenseStageTests {
    /// Every form of the weights, as Float, flattened, as a fresh expansion of `model` gives it.
    static func expected(_ model: TernaryModel) -> [Float] {
        var values: [Float] = []
        for (index, layer) in model.layers.enumerated() {
            let weights = layer.weights, bias = layer.bias
            var plain = [Float](repeating: 0, count: weights.count), flipped = plain
            var biasValues = [Float](repeating: 0, count: bias.count)
            plain.withUnsafeMutableBufferPointer { weights.expand(into: $0.baseAddress!) }
            flipped.withUnsafeMutableBufferPointer { weights.expandTransposed(into: $0.baseAddress!) }
            biasValues.withUnsafeMutableBufferPointer { bias.expand(into: $0.baseAddress!) }
            values += index > 0 ? plain + flipped + biasValues : biasValues + stripMajor(flipped, layer.columns, layer.rows)
        }
        return values
    }

    /// The input layer's form: Wᵀ ([inputs, outputs]) cut into strips of 64 outputs,
    /// [strips][inputs][64], the last strip padded with zeros.
    static func stripMajor(_ transposed: [Float], _ inputs: Int, _ outputs: Int) -> [Float] {
        let strips = (outputs + 63) / 64
        var values = [Float](repeating: 0, count: strips * inputs * 64)
        for j in 0 ..< inputs {
            for o in 0 ..< outputs { values[(o / 64 * inputs + j) * 64 + o % 64] = transposed[j * outputs + o] }
        }
        return values
    }

    static func actual(_ runner: BatchRunner) -> [Float] {
        var values: [Float] = []
        for case let stage as DenseStage in runner.stages {
            for buffer in [stage.matrix, stage.transposed, stage.bias] {
                values += UnsafeBufferPointer(start: buffer.pointer, count: buffer.count)
            }
            values += UnsafeBufferPointer(start: stage.stripMajor.pointer, count: stage.stripMajor.count).map(Float.init)
        }
        return values
    }

    @Test func refreshFollowsScatteredChanges() {
        let shape = ModelShape(widths: [23, 70, 7])  // odd sizes: matrices end inside a packed byte
        var model = TernaryModel(shape: shape, seed: 3)
        let weights = BatchRunner(shape: shape, threads: 1)
        weights.refresh(from: model)
        #expect(Self.actual(weights) == Self.expected(model))
        var random = RandomStream(seed: 9, purpose: .batch, step: 1)
        for round in 0 ..< 20 {
            for _ in 0 ..< round % 5 + 1 {
                let position = random.next(below: shape.parameterCount)
                model[parameter: position] = Int8(random.next(below: 3) - 1)
            }
            weights.refresh(from: model)
            #expect(Self.actual(weights) == Self.expected(model), "round \(round)")
        }
        // The last parameter of each matrix (the tail of a packed byte) and the first.
        for position in [0, shape.places[1].parameterOffset - 1, shape.parameterCount - 1] {
            model[parameter: position] = model[parameter: position] == 1 ? -1 : 1
        }
        weights.refresh(from: model)
        #expect(Self.actual(weights) == Self.expected(model))
    }

    @Test func aRefreshFromAnotherModelRewritesEverything() {
        let shape = ModelShape(widths: [40, 9, 5])
        let weights = BatchRunner(shape: shape, threads: 1)
        weights.refresh(from: TernaryModel(shape: shape, seed: 1))
        let other = TernaryModel(shape: shape, seed: 2)
        weights.refresh(from: other)
        #expect(Self.actual(weights) == Self.expected(other))
    }
}
