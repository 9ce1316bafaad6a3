/// What one pass over a step log's sections gathers. When verifying, it carries the
/// replay of every step (`StepReplay`, a batch of steps at a time; `visit` is called after
/// each) and checks each weights section against it. Call `finish()` after the last section.
struct LogWalk {
    let header: StepLogHeader
    let verifying: Bool
    private var replay: StepReplay
    private let visit: (ReplayedStep) -> Void
    /// Verifying: the weights replayed so far (nil before the first section).
    private(set) var model: TernaryModel?
    /// Not verifying: the last weights section read, which a second pass continues.
    private(set) var latestWeights: TernaryModel?
    private(set) var startStep = 0
    private(set) var lastEntry: StepLogEntry?
    private(set) var records = 0
    private(set) var recordBytes = 0
    private(set) var weightsSteps: [Int] = []
    private(set) var checkedWeights = 0
    /// The last settings section read: the settings after its step.
    private(set) var settingsSection: (step: Int, settings: StepSettings)?
    /// The settings section that follows a model file's base weights (the settings its
    /// run had reached there), if any: the records after the base continue that run.
    private(set) var baseSettings: StepSettings?
    /// What trained the opening weights, when an origin section says.
    private(set) var origin: ModelOrigin?

    init(header: StepLogHeader, verifying: Bool, visit: @escaping (ReplayedStep) -> Void = { _ in }) {
        self.header = header
        self.verifying = verifying
        self.visit = visit
        replay = StepReplay(seed: header.options.seed)
    }

    /// Replays the steps still queued.
    mutating func finish() {
        guard verifying, model != nil else { return }
        replay.flush(on: &model!, visit)
    }

    /// Adds `section`.
    /// - Returns: whether it is a weights section (where a second pass may start).
    /// - Throws: `.weightsMismatch` when verifying finds weights unlike the replay's.
    mutating func add(_ section: SectionScanner.Section, file: String) throws(StepLogError) -> Bool {
        switch section.content {
        case .step(let entry):
            records += 1
            recordBytes += section.bytes
            lastEntry = entry
            if verifying {
                // In place: a copy per step would duplicate the packed layers it touches.
                if model == nil { model = initialWeights() }
                if replay.add(entry) { replay.flush(on: &model!, visit) }
            }
            return false
        case .weights(let step, let weights):
            weightsSteps.append(step)
            let isBase = section.offset == header.size
            if isBase { startStep = step }
            if verifying, model != nil { replay.flush(on: &model!, visit) }
            if verifying {
                // A base at step 0 must be the seed's initial weights; a later one, the replay's.
                let expected = isBase ? (step == 0 ? initialWeights() : weights) : model ?? initialWeights()
                guard weights == expected else { throw .weightsMismatch(file: file, step: step) }
                if !isBase { checkedWeights += 1 }
                model = weights
            } else {
                latestWeights = weights
            }
            return true
        case .settings(let step, let settings):
            if step == startStep && records == 0 { baseSettings = settings }
            settingsSection = (step, settings)
            return false
        case .origin(let found):
            origin = found
            return false
        case .optional:
            return false
        }
    }

    /// The weights drawn from the run's seed, where a run without a base starts.
    private func initialWeights() -> TernaryModel { TernaryModel(shape: header.shape, seed: header.options.seed) }
}
