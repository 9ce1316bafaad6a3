/// Packs ternary values five to a byte: 3⁵ = 243 ≤ 256, so 1.6 bits per value, 1% above
/// the log2(3) ≈ 1.585 bits a trit holds.
///
/// Value k of a group of five is digit k (least significant first) of the byte in base 3,
/// with digits 0 → 0, +1 → 1, −1 → 2. So a byte is at most 242, and the unused digits of
/// a last, partial group are 0: every sequence has exactly one packing, which `unpack`
/// insists on. Example: [1, −1, 0, 0, 1] → 1 + 2·3 + 1·81 = 88.
public enum TritPacking {
    /// The largest packed byte: five digits of 2, 3⁵ − 1.
    static let maxByte: UInt8 = 242

    /// Bytes that `count` values pack into.
    public static func packedCount(_ count: Int) -> Int { count / 5 + (count % 5 == 0 ? 0 : 1) }

    /// Appends the packing of `values` to `bytes`.
    /// - Precondition: every value is −1, 0 or +1.
    public static func append<Values: Collection<Int8>>(_ values: Values, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + packedCount(values.count))
        var byte = 0, place = 1, filled = 0
        for value in values {
            precondition(value >= -1 && value <= 1, "ternary values are −1, 0 or +1")
            byte += digit(of: value) * place
            place *= 3
            filled += 1
            if filled == 5 {
                bytes.append(UInt8(byte))
                byte = 0
                place = 1
                filled = 0
            }
        }
        if filled > 0 { bytes.append(UInt8(byte)) }
    }

    /// The packing of `values`.
    public static func pack<Values: Collection<Int8>>(_ values: Values) -> [UInt8] {
        var bytes = [UInt8]()
        append(values, to: &bytes)
        return bytes
    }

    /// The `count` values packed in `bytes`, or nil when `bytes` is not exactly the
    /// packing of `count` values: wrong length, a byte above 242, or nonzero unused
    /// digits in the last byte.
    public static func unpack(_ bytes: ArraySlice<UInt8>, count: Int) -> [Int8]? {
        guard count >= 0, bytes.count == packedCount(count) else { return nil }
        var values = [Int8](repeating: 0, count: count)
        var index = 0
        for byte in bytes {
            guard byte <= maxByte else { return nil }
            var rest = Int(byte)
            for _ in 0 ..< 5 {
                let digit = rest % 3
                rest /= 3
                if index < count {
                    values[index] = value(ofDigit: digit)
                    index += 1
                } else if digit != 0 {
                    return nil
                }
            }
        }
        return values
    }

    @inline(__always)
    private static func digit(of value: Int8) -> Int { value == 0 ? 0 : (value == 1 ? 1 : 2) }

    @inline(__always)
    private static func value(ofDigit digit: Int) -> Int8 { digit == 0 ? 0 : (digit == 1 ? 1 : -1) }
}
