extension Array where Element == UInt8 {
    /// Appends `value` in little-endian byte order.
    mutating func appendLittleEndian<T: FixedWidthInteger & UnsignedInteger>(_ value: T) {
        for shift in stride(from: 0, to: T.bitWidth, by: 8) {
            append(UInt8(truncatingIfNeeded: value >> T(shift)))
        }
    }

    mutating func appendLittleEndian(_ value: Float) { appendLittleEndian(value.bitPattern) }
    mutating func appendLittleEndian(_ value: Double) { appendLittleEndian(value.bitPattern) }
}
