/// One protocol-buffers message in its wire format, built field by field: the little of
/// protobuf that writing an ONNX model needs.
///
/// Each field is a key, (field number << 3) | wire type, as a varint, then its value:
/// wire type 0 a varint, 2 a length-delimited run of bytes (strings, bytes, nested
/// messages, packed repeated scalars), 5 a little-endian 32-bit value (float). Fields are
/// written in the order they are added; a repeated field is added once per element.
/// Negative integers are written as the ten-byte two's-complement varint, as protobuf's
/// int64 fields are.
struct ProtobufMessage {
    private(set) var bytes: [UInt8] = []

    private enum WireType: UInt64 {
        case varint = 0
        case lengthDelimited = 2
        case fixed32 = 5
    }

    /// An int32, int64 or enum field.
    mutating func integer(_ field: Int, _ value: Int64) {
        key(field, .varint)
        Self.appendVarint(UInt64(bitPattern: value), to: &bytes)
    }

    /// A float field (wire type 5).
    mutating func float(_ field: Int, _ value: Float) {
        key(field, .fixed32)
        bytes.appendLittleEndian(value)
    }

    /// A string field, UTF-8.
    mutating func string(_ field: Int, _ value: String) {
        self.bytes(field, Array(value.utf8))
    }

    /// A bytes field.
    mutating func bytes(_ field: Int, _ value: [UInt8]) {
        key(field, .lengthDelimited)
        Self.appendVarint(UInt64(value.count), to: &bytes)
        bytes += value
    }

    /// A nested message field.
    mutating func message(_ field: Int, _ value: ProtobufMessage) {
        bytes(field, value.bytes)
    }

    private mutating func key(_ field: Int, _ type: WireType) {
        precondition(field > 0 && field < 1 << 29, "protobuf field numbers are 1...2^29 - 1")
        Self.appendVarint(UInt64(field) << 3 | type.rawValue, to: &bytes)
    }

    /// Seven bits a byte, least significant first, the high bit set on every byte but the last.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
