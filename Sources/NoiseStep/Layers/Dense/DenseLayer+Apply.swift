import NoiseStepKernels

extension DenseLayer {
    /// W·x + b straight from the packed weights, visiting only the nonzero inputs
    /// (`Kernels.packedMatrixVector`), then layer norm and ReLU unless it is the last.
    public func apply(to input: [Float], parameters: TernaryLayer, at place: LayerPlace) -> [Float] {
        precondition(input.count == parameters.columns)
        var bias = [Float](repeating: 0, count: outputs)
        bias.withUnsafeMutableBufferPointer { parameters.bias.expand(into: $0.baseAddress!) }
        var out = [Float](repeating: 0, count: outputs)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(1, input.count)) { nonzero in
            parameters.weights.packed.withUnsafeBufferPointer { packed in
                TritCodec.floatTable.withUnsafeBufferPointer { table in
                    Kernels.packedMatrixVector(packed.baseAddress!, rows: outputs, columns: parameters.columns,
                                               table: table.baseAddress!, input: input, bias: bias,
                                               nonzero: nonzero.baseAddress!, into: &out)
                }
            }
        }
        if place.hasActivation { LayerNorm.normalizeAndRectify(&out) }
        return out
    }
}
