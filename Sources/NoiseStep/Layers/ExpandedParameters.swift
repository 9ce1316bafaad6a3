import NoiseStepKernels

/// The Float forms of one layer's packed parameters that its kernels read, kept equal to
/// the packed model by rewriting only the bytes a step changed (`Kernels.expandChangedTrits`):
/// a step that moves a few dozen parameters costs a compare of the packed bytes, not a
/// rewrite of every float. A scratch copy, not training state.
struct ExpandedParameters {
    /// The packed bytes of W and of b as last expanded; `Kernels.unwrittenByte` at first.
    private var weightBytes: [UInt8]
    private var biasBytes: [UInt8]
    /// [256 · 5]: the five Floats of each packed byte, one table for every layer (held here
    /// too, so that scratch counts reach it).
    private let table = ExpandedParameters.tritTable

    init(_ block: ParameterBlock) {
        weightBytes = Array(repeating: Kernels.unwrittenByte, count: TritCodec.packedCount(block.weightCount))
        biasBytes = Array(repeating: Kernels.unwrittenByte, count: TritCodec.packedCount(block.rows))
    }

    /// Rewrites what changed: W into `matrix` ([rows, columns], or nil) and `transposed`,
    /// b into `bias` ([rows]).
    mutating func refresh(from parameters: TernaryLayer, matrix: UnsafeMutablePointer<Float>?,
                          transposed: Kernels.TransposedForm, bias: UnsafeMutablePointer<Float>) {
        Self.expand(parameters.weights, previous: &weightBytes, table: table, matrix: matrix, transposed: transposed)
        Self.expand(parameters.bias, previous: &biasBytes, table: table, matrix: bias, transposed: .none)
    }

    private static func expand(_ source: TernaryMatrix, previous: inout [UInt8], table: FloatBuffer,
                               matrix: UnsafeMutablePointer<Float>?, transposed: Kernels.TransposedForm) {
        precondition(previous.count == source.packed.count)
        source.packed.withUnsafeBufferPointer { packed in
            previous.withUnsafeMutableBufferPointer { previous in
                _ = Kernels.expandChangedTrits(packed.baseAddress!, previous: previous.baseAddress!, rows: source.rows,
                                               columns: source.columns, table: table.pointer, matrix: matrix,
                                               transposed: transposed)
            }
        }
    }

    private static let tritTable: FloatBuffer = {
        let table = FloatBuffer(count: TritCodec.floatTable.count)
        table.pointer.update(from: TritCodec.floatTable, count: TritCodec.floatTable.count)
        return table
    }()
}
