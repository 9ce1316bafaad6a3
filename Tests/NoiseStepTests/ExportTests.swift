import Testing
@testable import NoiseStep

/// The export formats' own pieces, against hand-worked bytes from the formats' specs.
@Suite struct ProtobufMessageTests {
    @Test func varintsAreSevenBitsLeastSignificantFirst() {
        var bytes = [UInt8]()
        for value: UInt64 in [0, 1, 127, 128, 300, UInt64.max] { ProtobufMessage.appendVarint(value, to: &bytes) }
        #expect(bytes == [0x00, 0x01, 0x7F, 0x80, 0x01, 0xAC, 0x02] + [UInt8](repeating: 0xFF, count: 9) + [0x01])
    }

    @Test func fieldsCarryTheirNumberAndWireType() {
        var message = ProtobufMessage()
        message.integer(1, 150)  // the protobuf guide's example: 08 96 01
        message.string(2, "testing")
        message.integer(3, -1)
        message.float(2, 1)
        var nested = ProtobufMessage()
        nested.integer(1, 150)
        message.message(3, nested)
        #expect(message.bytes == [0x08, 0x96, 0x01, 0x12, 0x07] + Array("testing".utf8)
            + [0x18] + [UInt8](repeating: 0xFF, count: 9) + [0x01]
            + [0x15, 0x00, 0x00, 0x80, 0x3F] + [0x1A, 0x03, 0x08, 0x96, 0x01])
    }
}

@Suite struct ExportModelTests {
    static func model(hidden: [Int] = [3, 2], input: InputEncoding = .gray) -> ExportModel {
        var options = TrainingOptions()
        options.hidden = hidden
        options.input = input
        let shape = ModelShape(hidden: hidden)
        return ExportModel(model: TernaryModel(shape: shape, seed: 5), options: options,
                           provenance: ExportProvenance(optimizer: .noiseStep, seed: 5, step: 0, dataFingerprint: nil,
                                                        producer: "noisestep test"))
    }

    @Test func layersFollowEvaluationsOrder() {
        let model = Self.model()
        #expect(model.architecture == "784 dense(3) layer_norm relu dense(2) layer_norm relu dense(10)")
        #expect(model.classes == 10 && model.inputDivisor == 255 && Self.model(input: .binary).inputDivisor == 1)
        guard case .dense(let first) = model.layers[0] else { Issue.record("a dense layer first"); return }
        let packed = TernaryModel(shape: ModelShape(hidden: [3, 2]), seed: 5)
        #expect(first.weight.count == 3 * 784 && first.weight[785] == packed.layers[0].weights[1, 1])
        #expect(first.bias == (0 ..< 3).map { packed.layers[0].bias[0, $0] })
        #expect(model.metadata["layer_norm_epsilon"] == "1e-05" && model.metadata["data_fingerprint"] == "not recorded")
    }

    @Test func safetensorsLayOutHeaderThenTensorsInLayerOrder() throws {
        let bytes = SafetensorsExport.bytes(of: Self.model(hidden: [3]))
        let length = (0 ..< 8).reduce(0) { $0 | Int(bytes[$1]) << (8 * $1) }
        #expect(Array(bytes[8 ..< 8 + SafetensorsExport.signature.count]) == SafetensorsExport.signature)
        #expect((8 + length) % 8 == 0 && bytes[8 + length - 1] != 0)
        let header = String(decoding: bytes[8 ..< 8 + length], as: UTF8.self)
        #expect(header.contains(#""layers.0.dense.bias":{"data_offsets":[2352,2355],"dtype":"I8","shape":[3]}"#))
        #expect(header.contains(#""layers.1.dense.weight":{"data_offsets":[2355,2385],"dtype":"I8","shape":[10,3]}"#))
        #expect(bytes.count == 8 + length + 3 * 785 + 10 * 4)
    }

    @Test func onnxStartsWithItsSignatureAndNamesItsTensors() {
        let bytes = ONNXExport.bytes(of: Self.model())
        #expect(Array(bytes.prefix(ONNXGraph.signature.count)) == ONNXGraph.signature)
        #expect(ONNXGraph.signature == [0x08, 0x08, 0x12, 0x09] + Array("noisestep".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        for name in ["layers.0.dense.weight", "layers.2.dense.bias", "LayerNormalization", "Cast", "logits"] {
            #expect(text.contains(name), "\(name)")
        }
        #expect(!text.contains("Greater") && String(decoding: ONNXExport.bytes(of: Self.model(input: .binary)), as: UTF8.self)
            .contains("Greater"))
    }
}

@Suite struct PredictionsTests {
    /// Each image's class, as the confusion matrix counts them, for any thread count.
    @Test func predictionsMatchTheConfusionMatrixAtAnyThreadCount() throws {
        let data = Fixtures.bands(count: 150, gray: true)
        let model = TernaryModel(shape: ModelShape(hidden: [16]), seed: 3)
        let one = try Evaluation.predictions(of: model, on: data, encoding: .gray, threads: 1)
        #expect(one.count == 150)
        #expect(try Evaluation.predictions(of: model, on: data, encoding: .gray, threads: 3) == one)
        var matrix = ConfusionMatrix(classes: 10)
        for (truth, guess) in zip(data.labels, one) { matrix.record(truth: Int(truth), predicted: guess) }
        #expect(try Evaluation.confusion(of: model, on: data, encoding: .gray, threads: 2) == matrix)
        #expect(Set(one).count > 1, "a model that predicts several classes")
        // The pad's single-image path, summed in another order, agrees image by image
        // (one near-tie may fall the other way).
        let single = (0 ..< data.count).map { index in
            let logits = model.logits(input: data.image(index).map { InputEncoding.gray.encode($0) })
            return logits.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }!
        }
        #expect(zip(single, one).filter { $0 != $1 }.count <= 1)
    }
}
