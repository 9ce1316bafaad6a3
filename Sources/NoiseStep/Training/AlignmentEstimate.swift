/// Every perturbation's alignment α_i = ∇L·ν_i over a step's batch, with how far each
/// can be trusted.
///
/// A batch is cut into chunks of 64 examples, and each chunk gives an independent
/// estimate of every α_i. Their spread gives the standard error of the batch mean: with
/// s_ci the sum of α over chunk c's n_c examples and B = Σ n_c,
///
///     α_i = Σ_c s_ci / B,   σ_i² = Σ_c (s_ci − n_c·α_i)² / n_c / (C − 1),   se_i = σ_i / √B.
///
/// Every sum runs in chunk order, so the figures are bit-identical for any thread count
/// and any number of processes sharing the chunks. Nothing here knows the model: any
/// trainer that sums α per chunk can build one.
public struct AlignmentEstimate: Sendable, Equatable {
    /// α_i, the batch mean; [samples].
    public var means: [Double]
    /// se_i ≥ 0; [samples]. All 0 when the batch is one chunk: there is no spread to see.
    public var standardErrors: [Double]

    public init(means: [Double], standardErrors: [Double]) {
        precondition(means.count == standardErrors.count)
        self.means = means
        self.standardErrors = standardErrors
    }

    /// The estimate from per-chunk sums: `rows` is [chunks, width] row-major, row c holding
    /// chunk c's Σα for perturbations 0..<`samples` in its first columns; chunk c holds
    /// `BatchRunner.examples(of: c, in: examples)`.
    init(rows: UnsafePointer<Double>, chunks: Int, width: Int, samples: Int, examples: Int) {
        precondition(samples <= width && chunks == BatchRunner.chunks(covering: examples) && examples > 0)
        var sums = [Double](repeating: 0, count: samples)
        var squares = [Double](repeating: 0, count: samples)  // Σ_c s_ci² / n_c
        for chunk in 0 ..< chunks {
            let row = rows + chunk * width
            let size = Double(BatchRunner.examples(of: chunk, in: examples).count)
            for i in 0 ..< samples {
                sums[i] += row[i]
                squares[i] += row[i] * row[i] / size
            }
        }
        let batch = Double(examples)
        means = sums.map { $0 / batch }
        standardErrors = zip(sums, squares).map { sum, square in
            guard chunks > 1 else { return 0 }
            // Σ (s − n·α)²/n = Σ s²/n − B·α²; rounding may leave it a hair below 0.
            let variance = max(0, square - sum * sum / batch) / Double(chunks - 1)
            return (variance / batch).squareRoot()
        }
    }

    /// |α_i| / se_i: how many standard errors α_i lies from 0 (a t statistic with C − 1
    /// degrees of freedom). 0 where α_i = 0; +∞ where α_i ≠ 0 and se_i = 0.
    public var reliabilities: [Double] {
        zip(means, standardErrors).map { mean, error in
            mean == 0 ? 0 : abs(mean) / error
        }
    }
}
