/// A matrix whose entries are −1, 0 or +1, stored 5 entries per byte (3⁵ = 243 ≤ 256):
/// 1.6 bits per entry, the whole persistent state of a noise_step model.
///
/// Entry i (row-major, i = row · columns + column) is value i mod 5 of byte i / 5 in the
/// one packing of trits, `TritCodec`, which the step log uses too. Kernels never read
/// this form: each step expands it to Float once (`expand`, `expandTransposed`), and an
/// update rewrites single digits.
public struct TernaryMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// [⌈rows · columns / 5⌉] packed entries (`TritCodec`); digits past the last entry are 0.
    public private(set) var packed: [UInt8]

    /// An all-zero matrix; 0 × 0 for a layer without parameters.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        packed = Array(repeating: 0, count: TritCodec.packedCount(rows * columns))
    }

    public var count: Int { rows * columns }

    /// The entry at (row, column), in {−1, 0, +1}.
    public subscript(row: Int, column: Int) -> Int8 {
        get { self[flat: row * columns + column] }
        set { self[flat: row * columns + column] = newValue }
    }

    /// The entry at a row-major position `index` = row · columns + column.
    public subscript(flat index: Int) -> Int8 {
        get {
            precondition(index >= 0 && index < count)
            return TritCodec.decoded[Int(packed[index / 5])][index % 5]
        }
        set {
            precondition(index >= 0 && index < count && newValue >= -1 && newValue <= 1,
                         "ternary entries are −1, 0 or +1")
            let byte = index / 5, place = TritCodec.placeValues[index % 5]
            let old = TritCodec.decoded[Int(packed[byte])][index % 5]
            let change = TritCodec.digit(of: newValue) - TritCodec.digit(of: old)
            packed[byte] = UInt8(Int(packed[byte]) + change * place)
        }
    }

    /// Entries equal to 0 (padding digits are not counted).
    public var zeroCount: Int {
        var zeros = 0
        for byte in packed { zeros += TritCodec.zeroCounts[Int(byte)] }
        return zeros - (packed.count * 5 - count)
    }

    /// Writes the entries as Float, [rows, columns] row-major, into `destination`.
    public func expand(into destination: UnsafeMutablePointer<Float>) {
        let total = count
        packed.withUnsafeBufferPointer { bytes in
            var index = 0
            for byte in bytes {
                let values = TritCodec.floats[Int(byte)]
                for digit in 0 ..< min(5, total - index) { destination[index + digit] = values[digit] }
                index += 5
            }
        }
    }

    /// Writes the transposed entries as Float, [columns, rows] row-major, into `destination`.
    public func expandTransposed(into destination: UnsafeMutablePointer<Float>) {
        let rows = rows, columns = columns, total = count
        packed.withUnsafeBufferPointer { bytes in
            var row = 0, column = 0, index = 0
            for byte in bytes {
                let values = TritCodec.floats[Int(byte)]
                for digit in 0 ..< min(5, total - index) {
                    destination[column * rows + row] = values[digit]
                    column += 1
                    if column == columns { column = 0; row += 1 }
                }
                index += 5
            }
        }
    }

    /// Replaces every entry with `values[i]` (row-major), returning how many changed.
    /// - Precondition: `values.count == count`, each in {−1, 0, +1}.
    public mutating func replaceAll(with values: [Int8]) -> Int {
        precondition(values.count == count)
        var changed = 0
        for index in 0 ..< count where self[flat: index] != values[index] {
            self[flat: index] = values[index]
            changed += 1
        }
        return changed
    }
}
