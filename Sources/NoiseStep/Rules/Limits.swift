/// The rulebook: every limit on what a run may ask for, in one place. The command line,
/// `--resume`, the step log's header and record parsers and the dashboard's keys all
/// check through it, before anything sized by a setting is allocated.
///
/// Why each limit is what it is:
/// - Widths, layers, parameters: training and evaluation expand the model to Float
///   scratch twice (row-major and transposed, 8 bytes per parameter), so 2^26 parameters
///   is 512 MiB; a step log's header of a few hundred bytes can declare any architecture,
///   and this is what it can make a reader allocate. A step log refuses more than 64
///   hidden layers.
/// - Perturbation entries: a step materializes every nonzero entry of its perturbations
///   (about 70 bytes each with its bookkeeping), so 2^20 keeps a step's transient memory
///   under 100 MiB however the samples and density are combined. The paper's setting
///   (128 samples at 6e-5 on 784→256→256→10) draws about 2,000.
/// - Samples: a step record holds up to 65536 kept signs.
/// - Steps: step numbers are 32-bit in the step log.
/// - Threads: one chunk workspace (about 0.7 MiB for the default model) per worker.
public enum Limits {
    public static let hiddenWidth = LimitRange(1 ... 65_536)
    public static let hiddenLayers = LimitRange(1 ... 64)
    public static let maxParameters = 1 << 26
    public static let batch = LimitRange(1 ... 1 << 20)
    public static let samples = LimitRange(1 ... 1 << 16)
    /// From 1e-9 (below it a 67M-parameter model's perturbation is empty 94% of the time,
    /// and no run learns) to below 1.
    public static let density = LimitRange(real: 1e-9, 1, includesLower: true, includesUpper: false)
    public static let rejectQuantile = LimitRange(real: 0, 1, includesLower: true, includesUpper: false)
    /// From 0.01: ternary logits are integers, and below that logits ÷ T overflow Float
    /// on wide models and the loss is no longer a number.
    public static let temperature = LimitRange(real: 0.01, 1000, includesLower: true, includesUpper: true)
    public static let shift = LimitRange(real: 0, 14, includesLower: true, includesUpper: true)
    public static let rotation = LimitRange(real: 0, 180, includesLower: true, includesUpper: true)
    public static let scale = LimitRange(real: 0, 0.9, includesLower: true, includesUpper: true)
    public static let redraw = LimitRange(real: 0, 1, includesLower: true, includesUpper: true)
    /// 0 means one worker per processor.
    public static let threads = LimitRange(0 ... 256)
    public static let steps = LimitRange(0 ... Int(UInt32.max))
    public static let evalEvery = LimitRange(0 ... Int(UInt32.max))
    public static let learningRate = LimitRange(real: 0, 1, includesLower: false, includesUpper: true)
    /// Expected nonzero perturbation entries per step: samples × density × parameters.
    public static let maxPerturbationEntries = 1 << 20
    /// Which stratified fold of the bundled subset is held out for validation.
    public static let holdoutFold = LimitRange(0 ... Dataset.holdoutFolds - 1)
    /// A floor of 1000 standard errors keeps nothing a real batch measures.
    public static let keepFloor = LimitRange(real: 0, 1000, includesLower: true, includesUpper: true)
    /// Ramps end within the 32-bit step range.
    public static let rampSteps = LimitRange(1 ... Int(UInt32.max))
    /// Redraws per second of a live front end: fewer look broken, more cost a training
    /// step's worth of time every frame on two cores.
    public static let framesPerSecond = LimitRange(10 ... 30)
    /// Floats of Adam-STE's batch activations (1 GiB).
    public static let maxBatchActivationFloats = 1 << 28
    /// The most bytes an IDX data file may hold once decompressed (512 MiB; full MNIST's
    /// images are 47 MB). A file's header is checked against it before its body is read,
    /// and its body while it is read, so a small compressed file cannot make a reader
    /// hold more than this.
    public static let maxDataFileBytes = 512 << 20

    /// The range of a setting that has one of its own.
    public static func range(of setting: Setting) -> LimitRange {
        switch setting {
        case .hidden: return hiddenWidth
        case .hiddenLayers: return hiddenLayers
        case .batch: return batch
        case .samples: return samples
        case .density: return density
        case .rejectQuantile: return rejectQuantile
        case .temperature: return temperature
        case .shift: return shift
        case .rotation: return rotation
        case .scale: return scale
        case .redraw: return redraw
        case .threads: return threads
        case .steps: return steps
        case .evalEvery: return evalEvery
        case .learningRate: return learningRate
        case .holdoutFold: return holdoutFold
        case .keepFloor: return keepFloor
        case .rampSteps: return rampSteps
        case .quantileTo: return rejectQuantile
        case .batchFrom: return batch
        case .framesPerSecond: return framesPerSecond
        }
    }

    /// Throws unless `value` is inside `setting`'s range.
    public static func check(_ setting: Setting, _ value: Double) throws(LimitViolation) {
        let allowed = range(of: setting)
        guard allowed.contains(value) else { throw .outOfRange(setting, value: value, allowed: allowed) }
    }

    public static func check(_ setting: Setting, _ value: Int) throws(LimitViolation) {
        try check(setting, Double(value))
    }
}
