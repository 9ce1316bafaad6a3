/// An ONNX graph being built: nodes in execution order and the constant tensors they read,
/// encoded as the protobuf messages of onnx.proto (ModelProto, GraphProto, NodeProto,
/// TensorProto, ValueInfoProto, AttributeProto) with their field numbers, which this
/// type alone knows.
struct ONNXGraph {
    /// The operator set every node is taken from (the default "ai.onnx" domain).
    static let opsetVersion: Int64 = 17
    /// The IR version that opset 17 goes with.
    static let irVersion: Int64 = 8
    /// Written first in every model this program exports, so an export is recognisable.
    static let producerName = "noisestep"

    /// Element types (TensorProto.DataType).
    enum ElementType: Int64 {
        case float = 1
        case int8 = 3
        case int64 = 7
    }

    /// A node attribute.
    enum Attribute {
        case integer(String, Int64)
        case float(String, Float)
        case integers(String, [Int64])
    }

    private var nodes: [ProtobufMessage] = []
    private var initializers: [ProtobufMessage] = []

    /// Appends a node running `operation` on `inputs` into `output`.
    mutating func node(_ operation: String, _ inputs: [String], _ output: String, name: String,
                       attributes: [Attribute] = []) {
        var node = ProtobufMessage()
        for input in inputs { node.string(1, input) }
        node.string(2, output)
        node.string(3, name)
        node.string(4, operation)
        for attribute in attributes { node.message(5, Self.encode(attribute)) }
        nodes.append(node)
    }

    /// A constant int8 tensor of shape `dims` ([] for a scalar), row-major.
    mutating func constant(_ name: String, dims: [Int], int8 values: [Int8]) {
        precondition(values.count == dims.reduce(1, *))
        initializers.append(Self.tensor(name, dims: dims, type: .int8, raw: values.map { UInt8(bitPattern: $0) }))
    }

    /// A constant int64 tensor of shape `dims` ([] for a scalar), row-major.
    mutating func constant(_ name: String, dims: [Int], int64 values: [Int64]) {
        precondition(values.count == dims.reduce(1, *))
        var raw = [UInt8]()
        for value in values { raw.appendLittleEndian(UInt64(bitPattern: value)) }
        initializers.append(Self.tensor(name, dims: dims, type: .int64, raw: raw))
    }

    /// A constant float tensor of shape `dims` ([] for a scalar), row-major.
    mutating func constant(_ name: String, dims: [Int], float values: [Float]) {
        precondition(values.count == dims.reduce(1, *))
        var raw = [UInt8]()
        raw.reserveCapacity(values.count * 4)
        for value in values { raw.appendLittleEndian(value) }
        initializers.append(Self.tensor(name, dims: dims, type: .float, raw: raw))
    }

    /// The whole model (ModelProto): this graph with one float input `input` of shape
    /// [N, inputWidth] and one float output `output` of shape [N, outputWidth], N dynamic.
    func model(name: String, input: String, inputWidth: Int, output: String, outputWidth: Int,
               metadata: [String: String], producerVersion: String, documentation: String) -> [UInt8] {
        var graph = ProtobufMessage()
        for node in nodes { graph.message(1, node) }
        graph.string(2, name)
        for initializer in initializers { graph.message(5, initializer) }
        graph.string(10, documentation)
        graph.message(11, Self.valueInfo(input, width: inputWidth))
        graph.message(12, Self.valueInfo(output, width: outputWidth))

        var model = ProtobufMessage()
        model.integer(1, Self.irVersion)
        model.string(2, Self.producerName)
        model.string(3, producerVersion)
        model.message(7, graph)
        var opset = ProtobufMessage()
        opset.string(1, "")
        opset.integer(2, Self.opsetVersion)
        model.message(8, opset)
        for key in metadata.keys.sorted() {
            var entry = ProtobufMessage()
            entry.string(1, key)
            entry.string(2, metadata[key]!)
            model.message(14, entry)
        }
        return model.bytes
    }

    /// The first bytes of every model `model` writes: ir_version, then producer_name.
    static var signature: [UInt8] {
        var head = ProtobufMessage()
        head.integer(1, irVersion)
        head.string(2, producerName)
        return head.bytes
    }

    private static func tensor(_ name: String, dims: [Int], type: ElementType, raw: [UInt8]) -> ProtobufMessage {
        var tensor = ProtobufMessage()
        for dim in dims { tensor.integer(1, Int64(dim)) }
        tensor.integer(2, type.rawValue)
        tensor.string(8, name)
        tensor.bytes(9, raw)
        return tensor
    }

    /// A float tensor value [N, width] (ValueInfoProto → TypeProto.Tensor → TensorShapeProto).
    private static func valueInfo(_ name: String, width: Int) -> ProtobufMessage {
        var batch = ProtobufMessage(), features = ProtobufMessage()
        batch.string(2, "N")
        features.integer(1, Int64(width))
        var shape = ProtobufMessage()
        shape.message(1, batch)
        shape.message(1, features)
        var tensorType = ProtobufMessage()
        tensorType.integer(1, ElementType.float.rawValue)
        tensorType.message(2, shape)
        var type = ProtobufMessage()
        type.message(1, tensorType)
        var info = ProtobufMessage()
        info.string(1, name)
        info.message(2, type)
        return info
    }

    /// AttributeProto: name, then the value in its field with its type tag (FLOAT 1, INT 2,
    /// INTS 7, each element its own field 8).
    private static func encode(_ attribute: Attribute) -> ProtobufMessage {
        var message = ProtobufMessage()
        switch attribute {
        case .integer(let name, let value):
            message.string(1, name)
            message.integer(3, value)
            message.integer(20, 2)
        case .float(let name, let value):
            message.string(1, name)
            message.float(2, value)
            message.integer(20, 1)
        case .integers(let name, let values):
            message.string(1, name)
            for value in values { message.integer(8, value) }
            message.integer(20, 7)
        }
        return message
    }
}
