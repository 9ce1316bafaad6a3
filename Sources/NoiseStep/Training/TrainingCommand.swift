/// What a front end can ask of a running `TrainingSession`. Each takes effect from the
/// next step.
public enum TrainingCommand: Sendable, Equatable {
    case pause
    /// Trains on; at the target step, first moves the target one more leg on.
    case resume
    /// `pause` while training, `resume` while paused.
    case togglePause
    /// While paused, run exactly one step (also past the target).
    case stepOnce
    /// Use these settings from the next step; the rulebook may refuse them.
    case change(StepSettings)
    /// Move the target step this many steps past the current target (or step).
    case extendTarget(by: Int)
    /// Make the run's step log complete up to now: weights appended, synced.
    case save
}

/// Something that happened in a session that a person should be told about. Values
/// only: the front end words them.
public enum SessionEvent: Sendable, Equatable {
    /// Training paused at the target step.
    case reachedTarget(step: Int)
    /// The step log or metrics file could not be written; training paused.
    case recordingFailed(StepLogError)
    /// The step log holds every step and the weights after `step`.
    case saved(path: String, step: Int)
    /// `save` in a session that does not record.
    case notRecording
    /// A command asked for something the rulebook does not allow; nothing changed.
    case refused(LimitViolation)
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
    public var settings: StepSettings
    /// The step training pauses after.
    public var targetStep: Int
    /// Steps finished, including those before a resume.
    public var stepsDone: Int
    /// The weights after the last step, for live inference.
    public var model: TernaryModel
    /// How inputs are encoded for `model`.
    public var input: InputEncoding
    /// The softmax temperature the model was trained with (its logits are divided by it).
    public var temperature: Double
    /// The step log the run is recorded in; nil when it is not recorded.
    public var recordingPath: String?
    /// The latest event and its number (1, 2, …; 0 before any): a new number is a new
    /// event, even if equal to the last.
    public var event: SessionEvent?
    public var eventNumber: Int
    /// Steps finished per second over the last few seconds of running.
    public var stepsPerSecond: Double
    /// Seconds spent running (pauses excluded).
    public var elapsedSeconds: Double
    /// What the model predicted for each class of the validation split, measured with
    /// the last validation (or when the session opened on earlier steps); nil before.
    public var confusion: ConfusionMatrix?
    /// The step whose weights `confusion` measured.
    public var confusionStep: Int
    /// Why the step log or metrics file does not hold everything trained (or, after
    /// `stop`, the final weights); nil when it does, or the run is not recorded.
    public var recordingError: StepLogError?

    public init(snapshot: TrainingSnapshot?, history: RunHistory, isPaused: Bool, settings: StepSettings,
                targetStep: Int, stepsDone: Int, model: TernaryModel, input: InputEncoding, temperature: Double,
                recordingPath: String?, event: SessionEvent?, eventNumber: Int, stepsPerSecond: Double,
                elapsedSeconds: Double, confusion: ConfusionMatrix? = nil, confusionStep: Int = 0,
                recordingError: StepLogError? = nil) {
        self.snapshot = snapshot
        self.history = history
        self.isPaused = isPaused
        self.settings = settings
        self.targetStep = targetStep
        self.stepsDone = stepsDone
        self.model = model
        self.input = input
        self.temperature = temperature
        self.recordingPath = recordingPath
        self.event = event
        self.eventNumber = eventNumber
        self.stepsPerSecond = stepsPerSecond
        self.elapsedSeconds = elapsedSeconds
        self.confusion = confusion
        self.confusionStep = confusionStep
        self.recordingError = recordingError
    }
}
