import NoiseStepKernels

/// A pooling layer's compute: no weights to keep, only workers to make.
final class PoolStage: LayerStage, Sendable {
    let place: LayerPlace
    let shape: PoolShape

    init(place: LayerPlace, shape: PoolShape) {
        self.place = place
        self.shape = shape
    }

    func refresh(from parameters: TernaryLayer) {}

    func makeWorker() -> any LayerWorker { PoolWorker(stage: self) }

    func batchGradient(rows: Range<Int>, inputs: UnsafePointer<Float>, deltas: UnsafePointer<Float>, chunks: Int,
                       weights: UnsafeMutablePointer<Float>, biases: UnsafeMutablePointer<Float>) {
        preconditionFailure("a pooling layer has no parameters")
    }
}
