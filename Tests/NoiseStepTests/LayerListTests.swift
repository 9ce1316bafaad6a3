import Foundation
import Testing
@testable import NoiseStep

/// The model as a list of layer kinds: how a list is written in a header and read back,
/// what the rulebook refuses, and that an MLP is the same run however it is given.
@Suite struct LayerListTests {
    static let dense: [any LayerKind] = [DenseLayer(outputs: 16), DenseLayer(outputs: 12), DenseLayer(outputs: 10)]

    /// Options whose model is `layers` written as a list (not folded into `hidden`).
    static func listOptions(_ layers: [any LayerKind] = dense) -> TrainingOptions {
        var options = StepLogFixtures.options()
        options.hidden = []
        options.layers = LayerList(layers)
        return options
    }

    @Test func anMLPGivenAsAListIsWrittenAsHiddenWidths() throws {
        var options = StepLogFixtures.options(hidden: [7])
        options.use(layers: Self.dense)
        #expect(options.hidden == [16, 12] && options.layers == nil)
        #expect(options == StepLogFixtures.options())
        var other = options
        other.use(layers: [DenseLayer(outputs: 16), DenseLayer(outputs: 11)])  // not 10 classes: a list
        #expect(other.hidden.isEmpty && other.layers?.spec == "dense 16, dense 11")
    }

    @Test func aListIsWrittenAsKindsAndFieldsAndReadBack() throws {
        let path = StepLogFixtures.scratchPath()
        defer { StepLogFixtures.removeScratch(path) }
        let options = Self.listOptions()
        try StepLogFixtures.writer(path, options).close()
        let json = String(decoding: StepLogFixtures.bytes(of: path), as: UTF8.self)
        #expect(json.contains(#""hidden":[],"input":"gray","#))
        #expect(json.contains(#""layers":[{"kind":"dense","outputs":16},{"kind":"dense","outputs":12},{"kind":"dense","outputs":10}]"#))
        let log = try StepLog.read(path: path)
        #expect(log.options == options && log.shape == ModelShape(hidden: [16, 12]))
        #expect(log.shape.layers.map(\.spec) == ["dense 16", "dense 12", "dense 10"])
    }

    /// A list of dense layers is the MLP it spells: the same flat order, the same steps.
    @Test func theSameMLPAsAListTrainsTheSameSteps() throws {
        let byWidths = try Trainer(options: StepLogFixtures.options(), training: StepLogFixtures.data)
        let byList = try Trainer(options: Self.listOptions(), training: StepLogFixtures.data)
        for _ in 0 ..< 3 { #expect(byWidths.step().entry == byList.step().entry) }
        #expect(byWidths.model == byList.model)
    }

    @Test(arguments: [
        (#"[{"kind":"conv","outputs":10}]"#, "layers"),
        (#"[{"kind":"dense","outputs":10,"stride":2}]"#, "layers"),
        (#"[{"outputs":10}]"#, "layers"),
        (#"[{"kind":"dense","outputs":"ten"}]"#, "layers"),
        (#"{"kind":"dense","outputs":10}"#, "layers"),
    ])
    func aHeaderListThatDoesNotReadIsRefusedByName(layers: String, option: String) throws {
        var json = try JSONOutput.sortedLine(Self.listOptions())
        let list = try #require(json.range(of: #""layers":\[.*?\}\]"#, options: .regularExpression))
        json.replaceSubrange(list, with: #""layers":"# + layers)
        #expect(throws: StepLogError.self) { try OptionsDecoding.decode(Data(json.utf8), file: "f") }
        do {
            _ = try OptionsDecoding.decode(Data(json.utf8), file: "f")
        } catch {
            guard case .invalidOptions(_, .invalidValue(let name, _, let example)) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(name == option && example.contains(#"{"kind":"dense","outputs":256}"#))
        }
    }

    @Test func theRulebookChecksAListBeforeBuildingIt() {
        #expect(throws: LimitViolation.outOfRange(.hiddenLayers, value: -1, allowed: Limits.hiddenLayers)) {
            try Limits.shape(layers: [])
        }
        let sixtySix = Array(repeating: DenseLayer(outputs: 10), count: 66) as [any LayerKind]
        #expect(throws: LimitViolation.outOfRange(.hiddenLayers, value: 65, allowed: Limits.hiddenLayers)) {
            try Limits.shape(layers: sixtySix)
        }
        #expect((try? Limits.shape(layers: Array(sixtySix.dropLast()))) != nil, "65 layers: 64 hidden")
        #expect(throws: LimitViolation.outOfRange(.hidden, value: 0, allowed: Limits.hiddenWidth)) {
            try Limits.shape(layers: [DenseLayer(outputs: 0), DenseLayer(outputs: 10)])
        }
        #expect(throws: LimitViolation.outOfRange(.hidden, value: 65_537, allowed: Limits.hiddenWidth)) {
            try Limits.shape(layers: [DenseLayer(outputs: 65_537), DenseLayer(outputs: 10)])
        }
        #expect(throws: LimitViolation.lastLayerOutputs(found: 11, classes: 10)) {
            try Limits.shape(layers: [DenseLayer(outputs: 16), DenseLayer(outputs: 11)])
        }
        #expect(throws: LimitViolation.tooManyLayerParameters(layers: "dense 65536, dense 1024, dense 10",
                                                             parameters: 118_565_898, limit: Limits.maxParameters)) {
            try Limits.shape(layers: [DenseLayer(outputs: 65_536), DenseLayer(outputs: 1024), DenseLayer(outputs: 10)])
        }
        var both = Self.listOptions()
        both.hidden = [4]
        #expect(throws: LimitViolation.hiddenAndLayers) { try Limits.check(both) }
    }

    /// A pooling layer takes the layer norm and ReLU of the layer before it: they follow
    /// the pooled values; the last layer has none.
    @Test func aPoolingLayerRunsBeforeTheActivationOfTheLayerItPools() throws {
        let shape = ModelShape(input: .image, layers: try LayerKinds.parse("conv 4 5, pool 2, conv 3 3, dense 12, dense 10"))
        #expect(shape.places.map(\.hasActivation) == [false, true, true, true, false])
        #expect(shape.places.map(\.output.features) == [4 * 24 * 24, 4 * 12 * 12, 3 * 10 * 10, 12, 10])
    }

    @Test func specsParseAndNameWhatIsWrong() throws {
        #expect(try LayerKinds.parse("dense 256,dense 10").map(\.spec) == ["dense 256", "dense 10"])
        #expect(try LayerKinds.parse(" dense  32 , dense 10 ").map(\.spec) == ["dense 32", "dense 10"])
        #expect(throws: LayerSpecProblem.unknownKind("convolution")) { try LayerKinds.parse("convolution 5, dense 10") }
        #expect(throws: LayerSpecProblem.badArguments(kind: "conv", found: ["5"], expected: "conv CHANNELS KERNEL")) {
            try LayerKinds.parse("conv 5, dense 10")
        }
        #expect(try LayerKinds.parse("conv 16 5, pool 2, dense 10").map(\.spec) == ["conv 16 5", "pool 2", "dense 10"])
        #expect(throws: LayerSpecProblem.badArguments(kind: "pool", found: ["0"], expected: "pool SIZE")) {
            try LayerKinds.parse("pool 0")
        }
        #expect(throws: LayerSpecProblem.unknownKind("")) { try LayerKinds.parse("dense 10,") }
        #expect(throws: LayerSpecProblem.badArguments(kind: "dense", found: ["1", "2"], expected: "dense OUTPUTS")) {
            try LayerKinds.parse("dense 1 2")
        }
        #expect(throws: LayerSpecProblem.badArguments(kind: "dense", found: [], expected: "dense OUTPUTS")) {
            try LayerKinds.parse("dense")
        }
    }

    /// Every parameter's place, at each block's first and last weight and bias.
    /// Each layer's short label, and the model's one-line summary of a list that is an MLP.
    @Test func labelsAndSummaries() throws {
        let mlp = ModelShape(hidden: [16, 12])
        #expect(TernaryModel(shape: mlp).layerStats.map(\.label) == ["784→16", "16→12", "12→10"])
        #expect(mlp.summary == "784→16→12→10")
        let list = try Limits.shape(layers: [DenseLayer(outputs: 24), DenseLayer(outputs: 10)])
        #expect(list.summary == "784→24→10", "an all-dense list is an MLP")
    }

    @Test func flatPositionsFindTheirLayerRowAndColumn() {
        let shape = ModelShape(hidden: [16, 12])  // 784→16→12→10: blocks of 12,560, 204 and 130
        #expect(shape.places.map(\.parameterOffset) == [0, 12_560, 12_764] && shape.parameterCount == 12_894)
        let cases: [(Int, ParameterLocation)] = [
            (0, .init(layer: 0, isBias: false, row: 0, column: 0)),
            (12_543, .init(layer: 0, isBias: false, row: 15, column: 783)),
            (12_544, .init(layer: 0, isBias: true, row: 0, column: 0)),
            (12_559, .init(layer: 0, isBias: true, row: 15, column: 0)),
            (12_560, .init(layer: 1, isBias: false, row: 0, column: 0)),
            (12_764, .init(layer: 2, isBias: false, row: 0, column: 0)),
            (12_893, .init(layer: 2, isBias: true, row: 9, column: 0)),
        ]
        for (index, location) in cases { #expect(shape.locate(index) == location, "\(index)") }
    }
}
