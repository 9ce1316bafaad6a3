/// What a front end can ask of a running `TrainingSession`. Each takes effect from the
/// next step.
public enum TrainingCommand: Sendable, Equatable {
    case pause
    case resume
    case togglePause
    /// While paused, run exactly one step.
    case stepOnce
    case setRejectQuantile(Double)
    case setDensity(Double)
    case setSamples(Int)
    case setSchedule(DensitySchedule)
    /// Write the model to this path; the outcome arrives in `SessionState.message`.
    case save(path: String)
}

/// What a `TrainingSession` publishes after every step and every command: an immutable
/// value the UI reads once per frame.
public struct SessionState: Sendable {
    /// The last finished step, nil before the first.
    public var snapshot: TrainingSnapshot?
    /// Every finished step of the run.
    public var history: RunHistory
    public var isPaused: Bool
    /// Settings the next step will use.
    public var density: Double
    public var samples: Int
    public var rejectQuantile: Double
    public var schedule: DensitySchedule
    /// The weights after the last step, for live inference.
    public var model: TernaryModel
    /// How inputs are encoded for `model`.
    public var input: InputEncoding
    /// A one-line outcome of the last save or error, for the status line.
    public var message: String?
    /// Steps finished per second over the last few seconds of running.
    public var stepsPerSecond: Double
    /// Seconds spent running (pauses excluded).
    public var elapsedSeconds: Double

    public init(snapshot: TrainingSnapshot?, history: RunHistory, isPaused: Bool, density: Double,
                samples: Int, rejectQuantile: Double, schedule: DensitySchedule, model: TernaryModel,
                input: InputEncoding, message: String?, stepsPerSecond: Double, elapsedSeconds: Double) {
        self.snapshot = snapshot
        self.history = history
        self.isPaused = isPaused
        self.density = density
        self.samples = samples
        self.rejectQuantile = rejectQuantile
        self.schedule = schedule
        self.model = model
        self.input = input
        self.message = message
        self.stepsPerSecond = stepsPerSecond
        self.elapsedSeconds = elapsedSeconds
    }
}
