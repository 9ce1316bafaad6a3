import Foundation

/// Writes an `ExportModel` as safetensors: an 8-byte little-endian header length, a JSON
/// header, then the tensors' raw bytes.
///
/// The header maps each tensor's name to its dtype, shape and [begin, end) byte offsets
/// into the data that follows, plus `__metadata__` (string → string, see
/// `ExportModel.metadata`); keys are sorted, and the header is padded with spaces so the
/// data starts 8-byte aligned. Every parameter is an int8 tensor named after its layer
/// (`ExportLayer.tensors`: `layers.0.dense.weight`, [outputs, inputs] row-major;
/// `layers.0.dense.bias`, [outputs]), in layer order.
enum SafetensorsExport {
    /// The header's first bytes in every file this writes (after the 8-byte length):
    /// sorted keys put the metadata first, and its first key is the architecture.
    static let signature = Array(#"{"__metadata__":{"architecture":"#.utf8)

    static func bytes(of model: ExportModel) -> [UInt8] {
        var entries = ["__metadata__": HeaderEntry.metadata(model.metadata)]
        var data = [UInt8]()
        for tensor in model.layers.flatMap(\.tensors) {
            entries[tensor.name] = .tensor(dtype: "I8", shape: tensor.shape,
                                           offsets: [data.count, data.count + tensor.values.count])
            data += tensor.values.map { UInt8(bitPattern: $0) }
        }
        guard var header = (try? JSONOutput.sortedLine(entries)).map({ Array($0.utf8) }) else {
            preconditionFailure("a header of strings and integers always encodes")
        }
        while (8 + header.count) % 8 != 0 { header.append(0x20) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(8 + header.count + data.count)
        bytes.appendLittleEndian(UInt64(header.count))
        return bytes + header + data
    }

    /// One value of the header object.
    private enum HeaderEntry: Encodable {
        case metadata([String: String])
        case tensor(dtype: String, shape: [Int], offsets: [Int])

        private enum Keys: String, CodingKey {
            case dtype, shape
            case offsets = "data_offsets"
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .metadata(let pairs):
                var container = encoder.singleValueContainer()
                try container.encode(pairs)
            case .tensor(let dtype, let shape, let offsets):
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(dtype, forKey: .dtype)
                try container.encode(shape, forKey: .shape)
                try container.encode(offsets, forKey: .offsets)
            }
        }
    }
}
