import CNoiseStepKernels

/// Convolutions with ternary weights over feature-major chunks (`ConvolutionShape`), in
/// every direction a layer needs. Each sum runs in a fixed order with one fused
/// multiply-add per term, so the blocked loops equal a plain loop bit for bit.
extension Kernels {
    /// out[o, y, x, :] = bias[o] + (Σ_{c, ky, kx} W[o, c, ky, kx] · input[c, y + ky, x + kx, :]) / divisor,
    /// the sum from 0 in tap order, bias 0 when nil.
    ///
    /// Six output channels × 16 columns at a time (twelve accumulators), the last block of
    /// six overlapping the one before it. With integer inputs (pixel levels) and ternary
    /// weights every partial sum is an integer below 2^24 and so exact: the first layer
    /// then sums in exact integers and rounds once, in the division.
    /// - weights: [outputs, taps]; bias: [outputs]; input: [inputRows, 64]; out: [outputRows, 64].
    package static func convolve(weights: UnsafePointer<Float>, bias: UnsafePointer<Float>?, input: UnsafePointer<Float>,
                                 shape s: ConvolutionShape, divisor: Float = 1, into out: UnsafeMutablePointer<Float>) {
        ns_conv_forward(weights, bias, input, s.channels, s.height, s.width, s.kernel, s.outputs, divisor, out)
    }

    /// The deltas pushed back to the input: in[c, y, x, :] = Σ_{ky, kx} Σ_o W[o, c, ky, kx] ·
    /// delta[o, y − ky, x − kx, :] over the taps whose windows hold (y, x), from 0, taps in
    /// order, then outputs in order. Only terms that exist are visited (no zero border).
    /// - transposed: [channels, kernel, kernel, outputs] (Wᵀ, `transposeWeights`);
    ///   delta: [outputRows, 64]; out: [inputRows, 64].
    package static func convolveBackward(transposed: UnsafePointer<Float>, delta: UnsafePointer<Float>,
                                         shape s: ConvolutionShape, into out: UnsafeMutablePointer<Float>) {
        ns_conv_backward(transposed, delta, s.channels, s.height, s.width, s.kernel, s.outputs, out)
    }

    /// transposed[c, ky, kx, o] = weights[o, c, ky, kx]: the form `convolveBackward` reads.
    /// - weights: [outputs, taps]; transposed: [taps, outputs].
    package static func transposeWeights(_ weights: UnsafePointer<Float>, shape s: ConvolutionShape,
                                         into transposed: UnsafeMutablePointer<Float>) {
        for o in 0 ..< s.outputs {
            for t in 0 ..< s.taps { transposed[t * s.outputs + o] = weights[o * s.taps + t] }
        }
    }

    /// ∂(Σ loss)/∂W[output, tap] over one chunk: Σ_{y, x, b} delta[output, y, x, b] ·
    /// input[tap's row of (y, x), b]. Accumulator v (of eight) sums vector v of each
    /// position's row, positions in order; then the accumulators, then their lanes.
    /// - delta: [outputRows, 64]; input: [inputRows, 64].
    package static func convolutionWeightGradient(delta: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                                  output: Int, tap: Int, shape s: ConvolutionShape) -> Float {
        ns_conv_tap_gradient(delta + output * s.outHeight * s.outWidth * chunk, input + s.tapRowOffset(tap) * chunk,
                             s.channels, s.height, s.width, s.kernel, s.outputs)
    }

    /// ∂(Σ loss)/∂bias[output] over one chunk: Σ_{y, x, b} delta[output, y, x, b], summed
    /// as `convolutionWeightGradient`. - delta: [outputRows, 64].
    package static func convolutionBiasGradient(delta: UnsafePointer<Float>, output: Int,
                                                shape s: ConvolutionShape) -> Float {
        ns_conv_bias_gradient(delta + output * s.outHeight * s.outWidth * chunk, s.channels, s.height, s.width,
                              s.kernel, s.outputs)
    }

    /// alignments[e.sample] += e.sign · ∂L/∂θ_e for every entry e of a convolution (`Entry`:
    /// row = output channel, column = tap, or −1 for the bias), read as
    /// `convolutionWeightGradient` (divided by `divisor`: the first layer sums levels and
    /// divides z once) or `convolutionBiasGradient`, added in entry order.
    /// - delta: [outputRows, 64]; input: [inputRows, 64]; alignments: [samples].
    package static func convolutionReadGradients(delta: UnsafePointer<Float>, input: UnsafePointer<Float>,
                                                 shape s: ConvolutionShape, divisor: Float = 1,
                                                 entries: UnsafeBufferPointer<Entry>,
                                                 into alignments: UnsafeMutablePointer<Double>) {
        guard let first = entries.baseAddress else { return }
        ns_conv_read_gradients(delta, input, s.channels, s.height, s.width, s.kernel, s.outputs, divisor, first,
                               entries.count, alignments)
    }

    /// out[r, t] = Σ over chunks, positions and examples of delta[rows.lowerBound + r] ·
    /// input[tap t]: the weight gradient of output channels `rows` (1...4 of them) over a
    /// whole batch, for the Adam baseline. Lane k of an accumulator sums examples b ≡ k
    /// (mod 8) over chunks, positions and vectors in that order, then the lanes are added.
    /// - deltas: [chunks][outputRows, 64]; inputs: [chunks][inputRows, 64]; out: [rows.count, taps].
    package static func convolutionBatchWeightGradient(deltas: UnsafePointer<Float>, rows: Range<Int>,
                                                       inputs: UnsafePointer<Float>, chunks: Int,
                                                       shape s: ConvolutionShape, into out: UnsafeMutablePointer<Float>) {
        precondition(!rows.isEmpty && rows.count <= 4 && rows.upperBound <= s.outputs)
        ns_conv_batch_weight_gradient(deltas, s.channels, s.height, s.width, s.kernel, s.outputs, rows.lowerBound,
                                      rows.count, inputs, chunks, out)
    }

    /// tangent[output, y, x, :] += scale · input[tap's row of (y, x), :] at every output
    /// position (fused): weight (output, tap)'s term of a forward-mode tangent.
    /// - input: [inputRows, 64]; tangent: [outputRows, 64].
    package static func convolutionAddTap(input: UnsafePointer<Float>, tap: Int, scale: Float, output: Int,
                                          shape s: ConvolutionShape, to tangent: UnsafeMutablePointer<Float>) {
        ns_conv_add_tap(input + s.tapRowOffset(tap) * chunk, s.channels, s.height, s.width, s.kernel, s.outputs, scale,
                        tangent + output * s.outHeight * s.outWidth * chunk)
    }
}
