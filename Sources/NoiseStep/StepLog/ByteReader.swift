/// A cursor over untrusted bytes that reads little-endian values.
///
/// Every read checks the bytes left first and returns nil past the end, so a reader built
/// on it cannot run off the buffer however the lengths in a file lie.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int

    /// Reads `bytes[start..<end]`; `end` defaults to the whole buffer.
    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        let end = end ?? bytes.count
        precondition(start >= 0 && start <= end && end <= bytes.count)
        self.bytes = bytes
        offset = start
        self.end = end
    }

    var remaining: Int { end - offset }

    /// The next `count` bytes, or nil (reading nothing) when fewer are left.
    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return bytes[offset ..< offset + count]
    }

    mutating func uint8() -> UInt8? { integer() }
    mutating func uint16() -> UInt16? { integer() }
    mutating func uint32() -> UInt32? { integer() }
    mutating func uint64() -> UInt64? { integer() }
    mutating func float32() -> Float? { uint32().map(Float.init(bitPattern:)) }
    mutating func float64() -> Double? { uint64().map(Double.init(bitPattern:)) }

    private mutating func integer<T: FixedWidthInteger & UnsignedInteger>() -> T? {
        guard let slice = take(MemoryLayout<T>.size) else { return nil }
        var value: T = 0
        for (shift, byte) in zip(stride(from: 0, to: T.bitWidth, by: 8), slice) {
            value |= T(byte) << T(shift)
        }
        return value
    }
}
