import NoiseStep

/// The dashboard's words for a settings key the rulebook refused: one short line that
/// fits the message row of an 80-column screen.
enum LimitText {
    static func keyRefused(_ violation: LimitViolation) -> String {
        switch violation {
        case .outOfRange(.steps, let value, let allowed) where value > allowed.upper:
            return "no step past \(NumberFormat.grouped(Int(allowed.upper))), the last a run may reach: refused"
        case .outOfRange(let setting, _, let allowed):
            return "\(name(of: setting)) stays within \(allowed): unchanged"
        case .tooManyPerturbationEntries(_, _, _, let limit):
            return "samples × density over \(NumberFormat.grouped(limit)) entries a step: unchanged"
        case .tooManyParameters, .tooManyLayerParameters, .layerDoesNotFit, .lastLayerOutputs, .hiddenAndLayers,
             .batchActivationsTooLarge:
            return "that change is over a limit: unchanged"
        }
    }

    static func name(of setting: Setting) -> String {
        switch setting {
        case .rejectQuantile: return "reject quantile"
        case .evalEvery: return "validation interval"
        case .hiddenLayers: return "hidden layers"
        case .learningRate: return "learning rate"
        case .steps: return "target step"
        case .framesPerSecond: return "frame rate"
        default: return setting.rawValue
        }
    }
}
