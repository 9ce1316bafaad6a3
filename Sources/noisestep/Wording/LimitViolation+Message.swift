import NoiseStep

extension LimitViolation {
    /// One line naming the option, the value and what is allowed.
    var message: String {
        switch self {
        case .outOfRange(.hidden, let value, let allowed):
            return "--hidden: a layer width of \(NumberFormat.plain(value)) is outside \(allowed)"
        case .outOfRange(.hiddenLayers, let value, let allowed):
            return "--hidden: \(NumberFormat.plain(value)) hidden layers is outside \(allowed); give the widths, e.g. 256,256"
        case .outOfRange(let setting, let value, let allowed):
            let sign = value < 0 && allowed.lower >= 0 ? " is negative; it must be in " : " is outside "
            return "\(setting.option): \(NumberFormat.plain(value))\(sign)\(allowed)"
        case .tooManyParameters(let hidden, let parameters, let limit):
            return "--hidden: \(hidden.map(String.init).joined(separator: ",")) makes a model of \(parameters) parameters,"
                + " more than the \(limit) allowed; use narrower or fewer layers"
        case .tooManyLayerParameters(let layers, let parameters, let limit):
            return "--layers: \(layers) makes a model of \(parameters) parameters, more than the \(limit) allowed;"
                + " use narrower or fewer layers"
        case .layerDoesNotFit(let layer, let spec):
            return "--layers: layer \(layer + 1) (\(spec)) cannot take what the layer before it gives"
        case .lastLayerOutputs(let found, let classes):
            return "--layers: the last layer gives \(found) values; it must give one per class, \(classes)"
        case .hiddenAndLayers:
            return "--layers: the model is either --hidden's MLP or --layers' list; give one of them"
        case .tooManyPerturbationEntries(let samples, let density, let parameters, let limit):
            let entries = Double(samples) * density * Double(parameters)
            return "--samples \(samples) at --density \(NumberFormat.plain(density)) on \(parameters) parameters draws about"
                + " \(Int(entries.rounded())) perturbation entries per step, more than the \(limit) a step may;"
                + " lower --samples or --density"
        case .batchActivationsTooLarge(let batch, let floats, let limit):
            return "--batch \(batch): Adam-STE would keep \(floats) floats of activations, more than the \(limit) allowed;"
                + " lower --batch"
        }
    }
}

extension LimitViolation {
    /// One line for a value found in a file (a step log's header or record): the
    /// setting's name in the file, not a command-line option, and no advice to change it.
    var fileMessage: String {
        switch self {
        case .outOfRange(let setting, let value, let allowed):
            return "\(setting.rawValue) \(NumberFormat.plain(value)) is outside \(allowed)"
        case .tooManyParameters(let hidden, let parameters, let limit):
            return "hidden \(hidden.map(String.init).joined(separator: ",")) makes a model of \(parameters) parameters,"
                + " more than the \(limit) allowed"
        case .tooManyLayerParameters(let layers, let parameters, let limit):
            return "layers \(layers) make a model of \(parameters) parameters, more than the \(limit) allowed"
        case .layerDoesNotFit(let layer, let spec):
            return "layer \(layer + 1) (\(spec)) cannot take what the layer before it gives"
        case .lastLayerOutputs(let found, let classes):
            return "the last layer gives \(found) values, not one per class (\(classes))"
        case .hiddenAndLayers:
            return "both hidden and layers are given; a model is one or the other"
        case .tooManyPerturbationEntries(let samples, let density, let parameters, let limit):
            let entries = Double(samples) * density * Double(parameters)
            return "samples \(samples) at density \(NumberFormat.plain(density)) on \(parameters) parameters draw about"
                + " \(Int(entries.rounded())) perturbation entries per step, more than the \(limit) a step may"
        case .batchActivationsTooLarge(let batch, let floats, let limit):
            return "batch \(batch) would keep \(floats) floats of activations, more than the \(limit) allowed"
        }
    }
}
