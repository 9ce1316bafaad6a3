import ArgumentParser
import NoiseStep

extension Setting {
    /// The command-line option that sets it.
    var option: String {
        switch self {
        case .hidden, .hiddenLayers: return "--hidden"
        case .batch: return "--batch"
        case .samples: return "--samples"
        case .density: return "--density"
        case .rejectQuantile: return "--reject-quantile"
        case .temperature: return "--temperature"
        case .shift: return "--shift"
        case .rotation: return "--rotate"
        case .scale: return "--scale"
        case .redraw: return "--redraw"
        case .threads: return "--threads"
        case .steps: return "--steps"
        case .evalEvery: return "--eval-every"
        case .learningRate: return "--learning-rate"
        case .holdoutFold: return "--holdout-fold"
        case .keepFloor: return "--keep-floor"
        case .rampSteps: return "--ramp-steps"
        case .quantileTo: return "--quantile-to"
        case .batchFrom: return "--batch-from"
        case .framesPerSecond: return "--fps"
        }
    }

    /// A command's own option checked against the rulebook in `validate()`, refused in the
    /// option's words as ArgumentParser refuses a malformed value (status 64).
    func checkOption(_ value: Int) throws(ValidationError) {
        do throws(LimitViolation) {
            try Limits.check(self, value)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
