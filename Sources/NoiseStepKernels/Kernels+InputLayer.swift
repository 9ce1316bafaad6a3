import CNoiseStepKernels

/// The first layer, computed from the ink, in exact integer arithmetic.
///
/// An MNIST image is about 80% background, so only the inked inputs are visited:
/// z[:, b] = bias + (Σ_{j: q[b,j] ≠ 0} q[b,j] · W[:, j]) / divisor. The inputs are pixel
/// levels q (0...255, or 0/1 for binary input) and the weights −1, 0 or +1, so the sum
/// is an integer, computed exactly; one division and one add round it to Float. That is
/// no quantization: it is the network's own first layer with the rounding of every
/// partial sum removed.
///
/// Every inked input costs one load of its weights; 16-bit weights bring sixteen outputs
/// per load where Float brings eight. The weights are kept strip-major (64 outputs of one
/// input in one 128-byte run) and visited in blocks of 112 inputs (four image rows), small
/// enough to stay in L1 while the 64 examples of the chunk pass over them, and small
/// enough that a block's sum of at most 112 products of magnitude ≤ `maxLevel` fits a
/// 16-bit lane (≤ 28,560 < 32,767) before it is widened.
extension Kernels {
    /// Outputs one pass over the ink accumulates: four 16-lane registers.
    package static let outputsPerStrip = 64
    /// The largest pixel level.
    package static let maxLevel: Int16 = 255

    /// Entries of the strip-major form of an [outputs, inputs] matrix: [strips][inputs][64],
    /// the last strip padded with zeros.
    package static func stripMajorCount(inputs: Int, outputs: Int) -> Int {
        (outputs + outputsPerStrip - 1) / outputsPerStrip * inputs * outputsPerStrip
    }

    /// - weights: strip-major [strips][inputs][64] (`stripMajorCount`), each −1, 0 or +1;
    /// - ink: per example b, the j with q[b,j] ≠ 0 and those levels, each in 1...`maxLevel`
    ///   (each 1 when `unitLevels`: binary input, whose products are the weights);
    /// - divisor: the input encoding's (255 for grey, 1 for binary); bias: [outputs];
    /// - out: [outputs, 64] feature-major; scratch: the workspace's.
    package static func inputLayer(stripMajorWeights weights: UnsafePointer<Int16>, inputs: Int, outputs: Int,
                                   ink: InkLists, unitLevels: Bool, divisor: Float, bias: UnsafePointer<Float>,
                                   scratch: InputLayerScratch, into out: UnsafeMutablePointer<Float>) {
        precondition(ink.examples == chunk && ink.inputs >= inputs)
        ns_input_layer(weights, inputs, outputs, ink.indices, ink.levels, ink.counts, ink.inputs, unitLevels ? 1 : 0,
                       divisor, bias, scratch.partial, scratch.cursors, out)
    }
}
