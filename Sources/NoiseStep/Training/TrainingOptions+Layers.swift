extension TrainingOptions {
    /// Makes `layers` the model: an MLP (dense layers only, the last giving the classes) as
    /// its `hidden` widths, so that its step log reads as one written before layer lists;
    /// any other list as `layers`.
    public mutating func use(layers: [any LayerKind]) {
        let dense = layers.compactMap { $0 as? DenseLayer }
        if dense.count == layers.count, dense.last?.outputs == Dataset.classes {
            hidden = dense.dropLast().map(\.outputs)
            self.layers = nil
        } else {
            hidden = []
            self.layers = LayerList(layers)
        }
    }
}
