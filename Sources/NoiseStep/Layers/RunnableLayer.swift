/// A layer kind the engine can run: every kind in `LayerKinds.all` is one. (The compute
/// protocols are the engine's own, so this one is too.)
protocol RunnableLayer: LayerKind {
    /// The compute of this layer at `place` (`BatchRunner` makes one per layer).
    func makeStage(at place: LayerPlace) -> any LayerStage
}
