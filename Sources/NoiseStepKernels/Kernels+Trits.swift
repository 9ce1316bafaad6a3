/// Ternary weights, packed five to a byte, written out as Float for the dense kernels.
extension Kernels {
    /// Where `expandChangedTrits` writes W transposed, if anywhere.
    package enum TransposedForm {
        case none
        /// Wᵀ as Float, [columns, rows].
        case float(UnsafeMutablePointer<Float>)
        /// Wᵀ as 16-bit levels in strips of 64 rows, [⌈rows / 64⌉][columns][64], the last
        /// strip padded: the input layer's form (`stripMajorCount`).
        case stripMajorLevels(UnsafeMutablePointer<Int16>)
    }

    /// Entries per packed byte (3⁵ = 243 ≤ 256).
    package static let tritsPerByte = 5
    /// A value no packed byte takes (bytes are < 243): marks a Float form never written.
    package static let unwrittenByte: UInt8 = 0xFF

    /// Rewrites the Float form of each packed byte that differs from `previous`, then
    /// records it in `previous`: a step changes a few dozen parameters, so refreshing the
    /// expanded weights costs a compare of the packed bytes, not a rewrite of every float.
    ///
    /// - packed, previous: [⌈rows · columns / 5⌉] bytes; entry i of the row-major matrix is
    ///   table[5 · packed[i / 5] + i % 5];
    /// - table: [256 · 5] Floats; matrix: [rows, columns] or nil; transposed: see `TransposedForm`.
    /// - Returns: how many bytes were rewritten.
    @discardableResult
    package static func expandChangedTrits(_ packed: UnsafePointer<UInt8>, previous: UnsafeMutablePointer<UInt8>,
                                           rows: Int, columns: Int, table: UnsafePointer<Float>,
                                           matrix: UnsafeMutablePointer<Float>?, transposed: TransposedForm) -> Int {
        let count = rows * columns, bytes = (count + tritsPerByte - 1) / tritsPerByte
        let word = MemoryLayout<UInt64>.size
        var rewritten = 0, index = 0
        while index < bytes {
            if index + word <= bytes,
               UnsafeRawPointer(packed + index).loadUnaligned(as: UInt64.self)
                == UnsafeRawPointer(previous + index).loadUnaligned(as: UInt64.self) {
                index += word
                continue
            }
            let end = min(bytes, index + word)
            for byte in index ..< end where packed[byte] != previous[byte] {
                let values = table + Int(packed[byte]) * tritsPerByte
                for entry in byte * tritsPerByte ..< min(count, (byte + 1) * tritsPerByte) {
                    let value = values[entry - byte * tritsPerByte]
                    matrix?[entry] = value
                    let row = entry / columns, column = entry % columns
                    switch transposed {
                    case .none: break
                    case .float(let target): target[column * rows + row] = value
                    case .stripMajorLevels(let target):
                        let strip = outputsPerStrip
                        target[(row / strip * columns + column) * strip + row % strip] = Int16(value)
                    }
                }
                previous[byte] = packed[byte]
                rewritten += 1
            }
            index = end
        }
        return rewritten
    }
}

extension Kernels {
    /// out[r] = bias[r] + Σ_c W[r, c] · x[c] straight from the packed form, visiting only
    /// the inputs that are not zero: the single-example path (the drawing pad), where
    /// expanding the whole matrix would cost more than the product.
    ///
    /// Each row's sum runs over the nonzero inputs in ascending c (a product, then an add),
    /// and the bias is added last, as a plain loop over every input would.
    /// - packed: entry i of the row-major [rows, columns] W is table[5 · packed[i / 5] + i % 5];
    /// - input: [columns]; bias, out: [rows]; nonzero: scratch of [columns] indices.
    package static func packedMatrixVector(_ packed: UnsafePointer<UInt8>, rows: Int, columns: Int,
                                           table: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                           bias: UnsafePointer<Float>, nonzero: UnsafeMutablePointer<Int>,
                                           into out: UnsafeMutablePointer<Float>) {
        var count = 0
        for c in 0 ..< columns {
            nonzero[count] = c
            count += input[c] != 0 ? 1 : 0
        }
        for r in 0 ..< rows {
            var sum: Float = 0
            for slot in 0 ..< count {
                let c = nonzero[slot], entry = r * columns + c
                sum += table[Int(packed[entry / tritsPerByte]) * tritsPerByte + entry % tritsPerByte] * input[c]
            }
            out[r] = bias[r] + sum
        }
    }
}
