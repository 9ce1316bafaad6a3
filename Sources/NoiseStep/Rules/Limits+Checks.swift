import NoiseStepKernels

extension Limits {
    /// The architecture 784 → `hidden`… → 10, built only after its size is known to be
    /// allowed: each width, the number of layers, then the parameter count.
    public static func shape(hidden: [Int]) throws(LimitViolation) -> ModelShape {
        try check(.hiddenLayers, hidden.count)
        for width in hidden { try check(.hidden, width) }
        let widths = [Dataset.pixelsPerImage] + hidden + [Dataset.classes]
        var total = 0
        for layer in 0 ..< widths.count - 1 {
            // Each width ≤ 65536 and ≤ 65 layers: at most 2^38, no overflow.
            total += widths[layer + 1] * (widths[layer] + 1)
        }
        guard total <= maxParameters else {
            throw .tooManyParameters(hidden: hidden, parameters: total, limit: maxParameters)
        }
        return ModelShape(widths: widths)
    }

    /// Any list of layers from the image to the logits, built only once each layer's own
    /// settings, how they fit together, the number of layers and the parameter count are
    /// known to be allowed.
    public static func shape(layers: [any LayerKind]) throws(LimitViolation) -> ModelShape {
        try check(.hiddenLayers, layers.count - 1)
        for layer in layers { try layer.check() }
        var shape = ActivationShape.image, total = 0
        for (index, layer) in layers.enumerated() {
            guard let output = layer.outputShape(for: shape) else { throw .layerDoesNotFit(layer: index, spec: layer.spec) }
            // Each layer's own limits keep its count far below 2^50: no overflow in 65 of them.
            total += layer.parameters(for: shape)?.count ?? 0
            shape = output
        }
        guard shape.features == Dataset.classes else { throw .lastLayerOutputs(found: shape.features, classes: Dataset.classes) }
        guard total <= maxParameters else {
            throw .tooManyLayerParameters(layers: layers.map(\.spec).joined(separator: ", "), parameters: total,
                                          limit: maxParameters)
        }
        return ModelShape(input: .image, layers: layers)
    }

    /// The model of `options`: its list of layers, or the MLP of its hidden widths.
    public static func shape(of options: TrainingOptions) throws(LimitViolation) -> ModelShape {
        guard let layers = options.layers else { return try shape(hidden: options.hidden) }
        guard options.hidden.isEmpty else { throw .hiddenAndLayers }
        return try shape(layers: layers.layers)
    }

    /// The settings of one step, for a model of `parameterCount` parameters: each in its
    /// range, and their perturbations no larger than a step may materialize.
    public static func check(_ settings: StepSettings, parameterCount: Int) throws(LimitViolation) {
        try check(.samples, settings.samples)
        try check(.density, settings.density)
        try check(.rejectQuantile, settings.rejectQuantile)
        let entries = settings.density * Double(settings.samples) * Double(parameterCount)
        guard entries <= Double(maxPerturbationEntries) else {
            throw .tooManyPerturbationEntries(samples: settings.samples, density: settings.density,
                                              parameters: parameterCount, limit: maxPerturbationEntries)
        }
    }

    /// Every option of a noise_step run, in the order they are usually given.
    /// - Returns: the run's architecture, so callers need not build it unchecked.
    @discardableResult
    public static func check(_ options: TrainingOptions) throws(LimitViolation) -> ModelShape {
        let shape = try shape(of: options)
        try check(.batch, options.batch)
        try check(StepSettings(options), parameterCount: shape.parameterCount)
        try check(.temperature, options.temperature)
        try check(.shift, options.augmentation.shift)
        try check(.rotation, options.augmentation.rotation)
        try check(.scale, options.augmentation.scale)
        try check(.redraw, options.augmentation.redraw)
        try check(.threads, options.threads)
        try check(.keepFloor, options.keepFloor)
        if let ramp = options.ramp { try check(ramp, batch: options.batch) }
        return shape
    }

    /// A run's ramp: its length, the quantile it ends at, the batch it starts from (no
    /// larger than the `batch` it grows to).
    public static func check(_ ramp: Ramp, batch: Int) throws(LimitViolation) {
        try check(.rampSteps, ramp.steps)
        if let to = ramp.quantileTo { try check(.quantileTo, to) }
        if let from = ramp.batchFrom {
            try check(.batchFrom, from)
            guard from <= batch else { throw .outOfRange(.batchFrom, value: Double(from), allowed: LimitRange(1 ... batch)) }
        }
    }

    /// What the Adam-STE baseline needs beyond `check(options)`: its learning rate, and
    /// room for a whole batch's activations.
    @discardableResult
    public static func checkAdamSTE(_ options: TrainingOptions, learningRate: Double) throws(LimitViolation) -> ModelShape {
        let shape = try check(options)
        try check(.learningRate, learningRate)
        let chunks = (options.batch + Kernels.chunk - 1) / Kernels.chunk
        let perExample = shape.places.reduce(0) { $0 + $1.input.features + $1.output.features }
        let floats = chunks * Kernels.chunk * perExample
        guard floats <= maxBatchActivationFloats else {
            throw .batchActivationsTooLarge(batch: options.batch, floats: floats, limit: maxBatchActivationFloats)
        }
        return shape
    }
}
