/// What one pass over a step log's sections gathers. When verifying, it carries the
/// replay of every step and checks each weights section against it.
struct LogWalk {
    let header: StepLogHeader
    let verifying: Bool
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
    /// What trained the opening weights, when an origin section says.
    private(set) var origin: ModelOrigin?

    init(header: StepLogHeader, verifying: Bool) {
        self.header = header
        self.verifying = verifying
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
                entry.replay(seed: header.options.seed, on: &model!)
            }
            return false
        case .weights(let step, let weights):
            weightsSteps.append(step)
            let isBase = section.offset == header.size
            if isBase { startStep = step }
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
