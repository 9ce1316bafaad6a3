import CZlib

/// The two checksums of the .nstep format.
enum Checksum {
    /// CRC-32 (IEEE 802.3, reflected, as zlib, gzip and PNG use) of `bytes`.
    /// `crc32("123456789") == 0xCBF43926`.
    static func crc32<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        let value = bytes.withContiguousStorageIfAvailable { buffer -> UInt32 in
            var crc: UInt = CZlib.crc32(0, nil, 0)
            var start = buffer.baseAddress
            var left = buffer.count
            // zlib takes a 32-bit length; feed larger inputs in pieces.
            while left > 0, let pointer = start {
                let piece = min(left, 1 << 30)
                crc = CZlib.crc32(crc, pointer, UInt32(piece))
                start = pointer + piece
                left -= piece
            }
            return UInt32(truncatingIfNeeded: crc)
        }
        return value ?? crc32(Array(bytes))
    }

    /// CRC-8 with polynomial x⁸+x²+x+1 (0x07), initial value 0, no reflection
    /// (`crc8("123456789") == 0xF4`). Guards a section's kind and length, so a damaged
    /// length is reported as damage instead of being mistaken for a torn tail; it detects
    /// every single-bit error and every burst of up to 8 bits.
    static func crc8<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt8 {
        var crc: UInt8 = 0
        for byte in bytes { crc = crc8Table[Int(crc ^ byte)] }
        return crc
    }

    /// The CRC-8 of each byte value, so a reader scanning for frames checks one per byte.
    private static let crc8Table: [UInt8] = (0 ... 255).map { (value: Int) -> UInt8 in
        var crc = UInt8(value)
        for _ in 0 ..< 8 { crc = crc & 0x80 != 0 ? (crc << 1) ^ crc8Polynomial : crc << 1 }
        return crc
    }

    /// x⁸+x²+x+1 without its x⁸ term.
    private static let crc8Polynomial: UInt8 = 0x07
}
