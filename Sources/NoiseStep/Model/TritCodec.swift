/// The one packing of ternary values, in memory (`TernaryMatrix`) and on disk (the step
/// log's kept signs and weights): five to a byte, since 3⁵ = 243 ≤ 256, so 1.6 bits per
/// value, 1% above the log2(3) ≈ 1.585 bits a trit holds.
///
/// Value k of a group of five is digit k (least significant first) of the byte in base 3,
/// with digits 0 → 0, 1 → +1, 2 → −1. So a byte is at most 242, a zero byte holds five
/// zeros, and the unused digits of a last, partial group are 0: every sequence has
/// exactly one packing, which `unpack` insists on. Example: [1, −1, 0, 0, 1] → 1 + 2·3 +
/// 1·81 = 88.
public enum TritCodec {
    /// Values per byte.
    public static let perByte = 5
    /// The largest byte a packing holds: five −1s.
    static let largestByte: UInt8 = 242
    /// The place value of digit k of a byte: 3^k.
    static let placeValues = [1, 3, 9, 27, 81]

    /// Bytes that `count` values pack into.
    public static func packedCount(_ count: Int) -> Int { count / perByte + (count % perByte == 0 ? 0 : 1) }

    @inline(__always)
    static func digit(of value: Int8) -> Int { value == 0 ? 0 : (value == 1 ? 1 : 2) }

    @inline(__always)
    static func value(ofDigit digit: Int) -> Int8 { digit == 0 ? 0 : (digit == 1 ? 1 : -1) }

    /// [byte] → its five values (bytes above 242 never occur in a packing).
    static let decoded: [[Int8]] = (0 ..< 256).map { byte in
        placeValues.map { value(ofDigit: (byte / $0) % 3) }
    }
    /// [byte] → its five values as Float.
    static let floats: [[Float]] = decoded.map { $0.map(Float.init) }
    /// [256 · 5]: the five values of each byte as Float, one after another: the table the
    /// kernels expand packed weights with.
    static let floatTable: [Float] = floats.flatMap { $0 }
    /// [byte] → how many of its five values are 0.
    static let zeroCounts: [Int] = decoded.map { $0.filter { $0 == 0 }.count }

    /// Appends the packing of `values` to `bytes`.
    /// - Precondition: every value is −1, 0 or +1.
    public static func append<Values: Collection<Int8>>(_ values: Values, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + packedCount(values.count))
        var byte = 0, filled = 0
        for value in values {
            precondition(value >= -1 && value <= 1, "ternary values are −1, 0 or +1")
            byte += digit(of: value) * placeValues[filled]
            filled += 1
            if filled == perByte {
                bytes.append(UInt8(byte))
                byte = 0
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
        var values = [Int8]()
        values.reserveCapacity(count)
        for byte in bytes {
            guard byte <= largestByte else { return nil }
            let group = decoded[Int(byte)]
            let used = min(perByte, count - values.count)
            // Unused digits must be 0, i.e. the byte is below the place value of the first one.
            guard used == perByte || Int(byte) < placeValues[used] else { return nil }
            values += group[0 ..< used]
        }
        return values
    }
}
