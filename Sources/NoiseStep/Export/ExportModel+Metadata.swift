extension ExportModel {
    /// What both formats record beside the tensors, as string pairs (safetensors'
    /// `__metadata__`, ONNX's `metadata_props`): enough to run the model from the file
    /// alone and to tell which run it came from.
    public var metadata: [String: String] {
        [
            "architecture": architecture,
            "input": "float32 [N, \(inputWidth)]: raw pixel values 0...255, images row-major",
            "input_encoding": encoding.rawValue,
            "input_divisor": String(describing: inputDivisor),
            "layer_norm_epsilon": String(describing: layers.lazy.compactMap(\.epsilon).first ?? 0),
            "temperature": String(describing: temperature),
            "weights": "int8 in {-1, 0, 1}; dense: y = x @ weight.T + bias; conv: weight [out, in, k, k], "
                + "stride 1, no padding, + bias; the architecture's layers run in order on [N, 1, 28, 28], "
                + "flattened in (channel, row, column) order before a dense layer; layer_norm over all of an "
                + "image's features; a first dense or conv layer sums integer pixel levels (gray: the pixel, "
                + "binary: 1 if pixel > 0) and divides by input_divisor before adding its bias, any other "
                + "first layer reads level / input_divisor",
            "output": "logits / temperature, float32 [N, \(classes)]; argmax is the class (ties: the lower)",
            "optimizer": provenance.optimizer.rawValue,
            "seed": String(provenance.seed),
            "step": String(provenance.step),
            "data_fingerprint": provenance.dataFingerprint.map(Self.describe) ?? "not recorded",
            "producer": provenance.producer,
        ]
    }

    /// "examples 4500, labels crc32 0x0123abcd, pixels crc32 0x89ef4567".
    private static func describe(_ fingerprint: DataFingerprint) -> String {
        "examples \(fingerprint.examples), labels crc32 0x\(hex(fingerprint.labelsCRC)), "
            + "pixels crc32 0x\(hex(fingerprint.pixelsCRC))"
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}

extension ExportLayer {
    /// A layer norm's epsilon; nil for other kinds.
    var epsilon: Float? {
        if case .layerNorm(let epsilon) = self { return epsilon }
        return nil
    }
}
