/// Paths as the system knows them: bytes, which need not be UTF-8, carried losslessly in
/// a `String`.
///
/// A byte that is not part of valid UTF-8 becomes one scalar of U+10FF80…U+10FFFF (the
/// byte 0x80…0xFF plus U+10FF00, a private-use corner no file name uses); so does each
/// byte of a valid scalar already in that range, so every byte string round-trips
/// exactly: `bytes(string(b)) == b`. A path that is valid UTF-8 is its usual `String`.
/// Every system call on a path goes through `bytes` (in `FileSystem`), every path read
/// from the system (argv, `getcwd`, `readlink`, the environment, a folder's entries)
/// through `string`; front ends print the escape scalars as `\xFE`.
///
/// Example: the argument `$'\xfe.nstep'` is the string "\u{10FFFE}.nstep", which opens the
/// file whose name is the bytes FE 2E 6E 73 74 65 70, never a file named "�.nstep".
public enum PathBytes {
    /// The first and last scalar that stand for a raw byte.
    static let escapes: ClosedRange<UInt32> = 0x10_FF80 ... 0x10_FFFF
    private static let escapeBase: UInt32 = 0x10_FF00

    /// The path whose bytes are `bytes`.
    public static func string(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            if let length = validScalarLength(bytes, at: index),
               let scalar = String(decoding: bytes[index ..< index + length], as: UTF8.self).unicodeScalars.first,
               !escapes.contains(scalar.value) {
                scalars.append(scalar)
                index += length
            } else {
                scalars.append(escape(bytes[index]))
                index += 1
            }
        }
        return String(scalars)
    }

    /// The length of the well-formed UTF-8 scalar at `index` (Unicode 15, table 3-7), or
    /// nil when the bytes there are not one.
    static func validScalarLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let first = bytes[index]
        let (length, second): (Int, ClosedRange<UInt8>)
        switch first {
        case 0x00 ... 0x7F: return 1
        case 0xC2 ... 0xDF: (length, second) = (2, 0x80 ... 0xBF)
        case 0xE0: (length, second) = (3, 0xA0 ... 0xBF)
        case 0xE1 ... 0xEC, 0xEE ... 0xEF: (length, second) = (3, 0x80 ... 0xBF)
        case 0xED: (length, second) = (3, 0x80 ... 0x9F)
        case 0xF0: (length, second) = (4, 0x90 ... 0xBF)
        case 0xF1 ... 0xF3: (length, second) = (4, 0x80 ... 0xBF)
        case 0xF4: (length, second) = (4, 0x80 ... 0x8F)
        default: return nil
        }
        guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return nil }
        for offset in 2 ..< length where !(0x80 ... 0xBF).contains(bytes[index + offset]) { return nil }
        return length
    }

    /// The path whose bytes are the NUL-terminated `cString` (argv, getcwd…).
    public static func string(cString: UnsafePointer<CChar>) -> String {
        var bytes = [UInt8]()
        var cursor = cString
        while cursor.pointee != 0 {
            bytes.append(UInt8(bitPattern: cursor.pointee))
            cursor += 1
        }
        return string(bytes)
    }

    /// The bytes of the path `path`.
    public static func bytes(_ path: String) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if let byte = byte(scalar) {
                bytes.append(byte)
            } else {
                bytes += Array(String(scalar).utf8)
            }
        }
        return bytes
    }

    /// The raw byte that `scalar` stands for, if it is an escape.
    public static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        escapes.contains(scalar.value) ? UInt8(scalar.value - escapeBase) : nil
    }

    private static func escape(_ byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(escapeBase + UInt32(byte))!  // 0x10FF80…0x10FFFF are scalars
    }
}
