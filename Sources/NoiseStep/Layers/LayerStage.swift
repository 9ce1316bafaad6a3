import NoiseStepKernels

/// The compute of one layer at its place in a model, made by its kind: the kernels' forms
/// of its weights, shared by every worker during a step, and the workers that run it over
/// chunks. One per layer per `BatchRunner`; one owner calls `refresh` between steps.
protocol LayerStage: AnyObject, Sendable {
    var place: LayerPlace { get }
    /// Makes the kernels' forms of the weights equal `parameters`, rewriting only what
    /// changed since the last refresh.
    func refresh(from parameters: TernaryLayer)
    /// One worker's buffers and passes for this layer.
    func makeWorker() -> any LayerWorker
    /// The whole batch's gradient of parameter rows `rows` (the Adam-STE baseline): the
    /// weights' [rows.count, columns] into `weights`, the biases' [rows.count] into
    /// `biases`, summed in a fixed order over the chunks.
    /// - inputs: [chunks][input features, 64]; deltas: [chunks][output features, 64].
    func batchGradient(rows: Range<Int>, inputs: UnsafePointer<Float>, deltas: UnsafePointer<Float>, chunks: Int,
                       weights: UnsafeMutablePointer<Float>, biases: UnsafeMutablePointer<Float>)
}
