/// Layer normalization without learned parameters, as used after every hidden layer:
/// statistics per example over all features, then ReLU.
package enum LayerNorm {
    /// Added to the variance before the square root; keeps a constant layer finite.
    package static let epsilon: Float = 1e-5

    /// values ← max(0, (values − mean) / sqrt(variance + ε)), over the whole vector: the
    /// single-example form the drawing pad's prediction uses.
    package static func normalizeAndRectify(_ values: inout [Float]) {
        let count = Float(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count
        let scale = 1 / (variance + epsilon).squareRoot()
        for index in values.indices { values[index] = max(0, (values[index] - mean) * scale) }
    }
}
