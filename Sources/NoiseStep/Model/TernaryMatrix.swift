/// A matrix whose entries are −1, 0 or +1, stored as two bit planes: 2 bits per entry.
///
/// Row r occupies `wordsPerRow` 64-bit words in each plane; bit c of those words is set in
/// `positive` when entry (r, c) is +1 and in `negative` when it is −1. Padding bits past
/// `columns` are always 0, so a row's words can be ANDed with packed inputs directly.
public struct TernaryMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let wordsPerRow: Int
    /// [rows, wordsPerRow], bit c of row r set ⇔ entry (r, c) = +1.
    public internal(set) var positive: [UInt64]
    /// [rows, wordsPerRow], bit c of row r set ⇔ entry (r, c) = −1.
    public internal(set) var negative: [UInt64]

    /// An all-zero matrix.
    public init(rows: Int, columns: Int) {
        precondition(rows > 0 && columns > 0)
        self.rows = rows
        self.columns = columns
        wordsPerRow = (columns + 63) / 64
        positive = Array(repeating: 0, count: rows * wordsPerRow)
        negative = positive
    }

    public var count: Int { rows * columns }

    /// The entry at (row, column), in {−1, 0, +1}.
    public subscript(row: Int, column: Int) -> Int8 {
        get {
            let word = row * wordsPerRow + column >> 6, bit = UInt64(1) << UInt64(column & 63)
            return positive[word] & bit != 0 ? 1 : (negative[word] & bit != 0 ? -1 : 0)
        }
        set {
            precondition(newValue >= -1 && newValue <= 1, "ternary entries are −1, 0 or +1")
            let word = row * wordsPerRow + column >> 6, bit = UInt64(1) << UInt64(column & 63)
            positive[word] = newValue == 1 ? positive[word] | bit : positive[word] & ~bit
            negative[word] = newValue == -1 ? negative[word] | bit : negative[word] & ~bit
        }
    }

    /// The entry at a row-major position `index` = row * columns + column.
    public subscript(flat index: Int) -> Int8 {
        get { self[index / columns, index % columns] }
        set { self[index / columns, index % columns] = newValue }
    }

    /// Entries equal to 0.
    public var zeroCount: Int {
        var nonzero = 0
        for word in 0 ..< positive.count { nonzero += (positive[word] | negative[word]).nonzeroBitCount }
        return count - nonzero
    }

    /// Writes the entries as Float, [rows, columns] row-major, into `destination`.
    public func expand(into destination: UnsafeMutablePointer<Float>) {
        for row in 0 ..< rows {
            let out = destination + row * columns
            for column in 0 ..< columns { out[column] = 0 }
            for w in 0 ..< wordsPerRow {
                setBits(positive[row * wordsPerRow + w], base: w * 64, value: 1, out)
                setBits(negative[row * wordsPerRow + w], base: w * 64, value: -1, out)
            }
        }
    }

    /// Writes the transposed entries as Float, [columns, rows] row-major, into `destination`.
    public func expandTransposed(into destination: UnsafeMutablePointer<Float>) {
        destination.update(repeating: 0, count: count)
        for row in 0 ..< rows {
            for w in 0 ..< wordsPerRow {
                var p = positive[row * wordsPerRow + w], n = negative[row * wordsPerRow + w]
                while p != 0 {
                    destination[(w * 64 + p.trailingZeroBitCount) * rows + row] = 1
                    p &= p - 1
                }
                while n != 0 {
                    destination[(w * 64 + n.trailingZeroBitCount) * rows + row] = -1
                    n &= n - 1
                }
            }
        }
    }

    private func setBits(_ word: UInt64, base: Int, value: Float, _ out: UnsafeMutablePointer<Float>) {
        var bits = word
        while bits != 0 {
            out[base + bits.trailingZeroBitCount] = value
            bits &= bits - 1
        }
    }
}
