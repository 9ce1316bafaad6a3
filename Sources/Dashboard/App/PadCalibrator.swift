import Dispatch
import NoiseStep
import Synchronization

/// Fits the pad's confidence (`PadCalibration`) to the weights in the background, on the
/// validation split and the same digits drawn as on the pad, and keeps the latest fit.
///
/// A fit takes one forward pass per image, too long for a frame, so it runs on a queue
/// of its own; the main thread only asks (`request`, which returns at once) and reads
/// the latest fit. A fit is asked for again once the weights are `refitSteps` steps newer.
final class PadCalibrator: Sendable {
    static let refitSteps = 100

    /// A fit and the step of the weights it was made for.
    struct Fit: Sendable, Equatable {
        var step: Int
        var calibration: PadCalibration
    }

    private let queue = DispatchQueue(label: "noisestep.pad-calibration", qos: .utility)
    private let latestFit = Mutex<Fit?>(nil)
    private let isFitting = Atomic<Bool>(false)
    private let validation: Dataset
    /// The validation digits drawn as on the pad, made once, on the queue.
    private let drawn = Mutex<Dataset?>(nil)

    init(validation: Dataset) {
        self.validation = validation
    }

    /// The latest fit, nil before the first.
    var latest: Fit? { latestFit.withLock { $0 } }

    /// Starts a fit for `model` after `step` steps unless one is running or the latest is recent.
    func request(_ model: TernaryModel, step: Int, encoding: InputEncoding) {
        guard validation.count > 0 else { return }
        if let latest, step >= latest.step, step - latest.step < Self.refitSteps { return }
        guard !isFitting.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async { [self] in
            let digits = drawn.withLock { known in
                if known == nil { known = DrawnDigits.dataset(from: validation) }
                return known!
            }
            let calibration = PadCalibration.fit(model, clean: validation, drawn: digits, encoding: encoding)
            latestFit.withLock { $0 = Fit(step: step, calibration: calibration) }
            isFitting.store(false, ordering: .releasing)
        }
    }

    /// Waits for the fit in progress (for tests).
    func drain() { queue.sync {} }
}
